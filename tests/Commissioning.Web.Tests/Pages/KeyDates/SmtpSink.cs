using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>What the sink offers. The default is a plain relay that takes anything, as before.</summary>
public sealed record SmtpSinkOptions
{
    /// <summary>Offers STARTTLS with this certificate (or, with <see cref="ImplicitTls"/>, speaks TLS from the first byte).</summary>
    public X509Certificate2? Certificate { get; init; }
    public bool ImplicitTls { get; init; }
    /// <summary>User name and password that AUTH PLAIN and LOGIN accept.</summary>
    public (string User, string Password)? Login { get; init; }
    /// <summary>Which bearer tokens AUTH XOAUTH2 accepts.</summary>
    public Func<string, bool>? AcceptsBearer { get; init; }
    public string Mechanisms { get; init; } = "PLAIN LOGIN XOAUTH2";

    internal bool AuthRequired => Login is not null || AcceptsBearer is not null;
}

/// <summary>
/// A local SMTP server that keeps what it is sent, on a free localhost port: just enough of RFC 5321
/// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), STARTTLS (RFC 3207) and AUTH PLAIN, LOGIN and
/// XOAUTH2 (RFC 4954) for a mail client. AUTH is offered only once the session is encrypted, as real
/// relays do. Never a real server.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly SmtpSinkOptions _options;
    private int _sessions;

    public SmtpSink(SmtpSinkOptions? options = null)
    {
        _options = options ?? new SmtpSinkOptions();
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToList();

    /// <summary>Connections taken so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Failures the sink saw (bad AUTH, TLS handshakes that failed), for a test's message when it fails.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public void Clear() => _received.Clear();

    /// <summary>RCPT TO this address gets 550 until <see cref="Accept"/>.</summary>
    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _sessions);
            _ = ServeSafelyAsync(client);
        }
    }

    private async Task ServeSafelyAsync(TcpClient client)
    {
        try
        {
            await ServeAsync(client);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            Problems.Enqueue(e.Message);
        }
    }

    private sealed class Session
    {
        public Session(Stream stream) => Use(stream);

        public StreamReader Reader { get; private set; } = null!;
        public StreamWriter Writer { get; private set; } = null!;
        public bool Encrypted { get; set; }
        public string? Mechanism { get; set; }
        public string? User { get; set; }
        public string? Bearer { get; set; }
        public string? From { get; set; }
        public List<string> To { get; } = [];

        /// <summary>Reads and writes on <paramref name="stream"/> from now on (after STARTTLS, the TLS stream).</summary>
        public void Use(Stream stream)
        {
            Reader = new StreamReader(stream, new UTF8Encoding(false), false, 128, leaveOpen: true);
            Writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        }

        public Task Say(string line) => Writer.WriteLineAsync(line);
    }

    private async Task<SslStream> TlsAsync(Stream inner)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: true);
        await tls.AuthenticateAsServerAsync(_options.Certificate!, clientCertificateRequired: false, checkCertificateRevocation: false);
        return tls;
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream network = client.GetStream();
        var s = new Session(network);
        if (_options.ImplicitTls)
        {
            s.Use(await TlsAsync(network));
            s.Encrypted = true;
        }
        await s.Say("220 localhost test sink");
        while (await s.Reader.ReadLineAsync() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var command = (space < 0 ? line : line[..space]).ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    var lines = new List<string> { "localhost", "8BITMIME" };
                    if (_options.Certificate is not null && !s.Encrypted) lines.Add("STARTTLS");
                    if (_options.AuthRequired && s.Encrypted) lines.Add("AUTH " + _options.Mechanisms);
                    await s.Writer.WriteAsync(string.Concat(lines.Select((l, i) => $"250{(i == lines.Count - 1 ? ' ' : '-')}{l}\r\n")));
                    break;
                case "HELO":
                case "NOOP":
                    await s.Say("250 OK");
                    break;
                case "STARTTLS" when _options.Certificate is not null && !s.Encrypted:
                    await s.Say("220 2.0.0 Ready to start TLS");
                    s.Use(await TlsAsync(network));
                    s.Encrypted = true;
                    // RFC 3207: the client forgets everything it learnt and says EHLO again.
                    s.From = null;
                    s.To.Clear();
                    break;
                case "AUTH":
                    await AuthAsync(s, line);
                    break;
                case "RSET":
                    s.From = null;
                    s.To.Clear();
                    await s.Say("250 OK");
                    break;
                case "MAIL" when _options.AuthRequired && s.User is null:
                    await s.Say("530 5.7.0 Authentication required");
                    break;
                case "MAIL":
                    s.From = Address(line);
                    await s.Say("250 OK");
                    break;
                case "RCPT" when _refused.ContainsKey(Address(line)):
                    await s.Say("550 5.1.1 Mailbox unavailable");
                    break;
                case "RCPT":
                    s.To.Add(Address(line));
                    await s.Say("250 OK");
                    break;
                case "DATA":
                    if (s.To.Count == 0)
                    {
                        await s.Say("554 5.5.1 No valid recipients");
                        break;
                    }
                    await s.Say("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await s.Reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    _received.Enqueue(new ReceivedMail(s.From ?? "", s.To.ToList(), data.ToString())
                    {
                        Encrypted = s.Encrypted, Mechanism = s.Mechanism, AuthenticatedAs = s.User, Bearer = s.Bearer,
                    });
                    s.From = null;
                    s.To.Clear();
                    await s.Say("250 OK: queued");
                    break;
                case "QUIT":
                    await s.Say("221 Bye");
                    return;
                default:
                    await s.Say("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task AuthAsync(Session s, string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = words.Length > 1 ? words[1].ToUpperInvariant() : "";
        if (!_options.AuthRequired || !s.Encrypted)
        {
            await s.Say(_options.AuthRequired ? "538 5.7.11 Encryption required" : "502 AUTH not offered");
            return;
        }
        if (!_options.Mechanisms.Split(' ').Contains(mechanism))
        {
            await s.Say("504 5.5.4 Unrecognized authentication type");
            return;
        }
        async Task<string> Ask(string prompt, int word)
        {
            if (words.Length > word) return Decode(words[word]);
            await s.Say("334 " + prompt);
            return Decode(await s.Reader.ReadLineAsync() ?? "");
        }
        string? user = null;
        var ok = false;
        switch (mechanism)
        {
            case "PLAIN":
                var plain = (await Ask("", 2)).Split('\0');
                user = plain.Length == 3 ? plain[1] : null;
                ok = plain.Length == 3 && _options.Login is { } l && (plain[1], plain[2]) == l;
                break;
            case "LOGIN":
                user = await Ask(Convert.ToBase64String("Username:"u8), 2);
                words = [];
                var password = await Ask(Convert.ToBase64String("Password:"u8), 2);
                ok = _options.Login is { } login && (user, password) == login;
                break;
            case "XOAUTH2":
                // user=<user>^Aauth=Bearer <token>^A^A (Google's and Microsoft's XOAUTH2).
                var fields = (await Ask("", 2)).Split('\u0001', StringSplitOptions.RemoveEmptyEntries);
                user = fields.FirstOrDefault(f => f.StartsWith("user=", StringComparison.Ordinal))?[5..];
                var bearer = fields.FirstOrDefault(f => f.StartsWith("auth=Bearer ", StringComparison.Ordinal))?[12..];
                ok = user is not null && bearer is not null && _options.AcceptsBearer is { } accepts && accepts(bearer);
                if (!ok) Problems.Enqueue($"XOAUTH2 for {user} with token {bearer}");
                s.Bearer = bearer;
                break;
        }
        if (!ok)
        {
            await s.Say("535 5.7.8 Authentication credentials invalid");
            return;
        }
        s.Mechanism = mechanism;
        s.User = user;
        await s.Say("235 2.7.0 Authentication successful");
    }

    private static string Decode(string base64) =>
        base64 == "=" ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static string Address(string line)
    {
        var m = Regex.Match(line, "<([^>]*)>");
        return m.Success ? m.Groups[1].Value : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

/// <summary>One message as the sink took it, with just enough MIME reading for the tests: headers, and text/plain and text/html bodies decoded.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Raw)
{
    /// <summary>The session had switched to TLS (STARTTLS or TLS from the start) before the message came.</summary>
    public bool Encrypted { get; init; }
    /// <summary>The AUTH mechanism the client signed in with, if it did.</summary>
    public string? Mechanism { get; init; }
    public string? AuthenticatedAs { get; init; }
    /// <summary>The token of AUTH XOAUTH2.</summary>
    public string? Bearer { get; init; }

    /// <summary>The header's value as it came, unfolded but not decoded.</summary>
    public string RawHeader(string name)
    {
        var head = Raw[..Math.Max(0, Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        var unfolded = Regex.Replace(head, "\r\n[ \t]+", " ");
        foreach (var line in unfolded.Split("\r\n"))
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                return line[(name.Length + 1)..].Trim();
        return "";
    }

    public string Header(string name) => DecodeWords(RawHeader(name));

    public string Subject => Header("Subject");

    public string Text => Part("text/plain");

    public string Html => Part("text/html");

    /// <summary>The headers of the part of this media type (Content-Type with its charset, Content-Transfer-Encoding).</summary>
    public string PartHeaders(string mediaType) => FindPart(mediaType).Headers;

    private string Part(string mediaType)
    {
        var (headers, body) = FindPart(mediaType);
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", "")));
        return body;
    }

    private (string Headers, string Body) FindPart(string mediaType)
    {
        var boundary = Regex.Match(Header("Content-Type"), "boundary=\"?([^\";]+)\"?").Groups[1].Value;
        var parts = boundary.Length == 0 ? [Raw] : Raw.Split("--" + boundary);
        foreach (var part in parts)
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0) continue;
            var headers = Regex.Replace(part[..split], "\r\n[ \t]+", " ");
            if (!headers.Contains("Content-Type: " + mediaType, StringComparison.OrdinalIgnoreCase)) continue;
            return (headers, part[(split + 4)..]);
        }
        throw new InvalidOperationException($"No {mediaType} part in the message.");
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? encoding.GetString(Convert.FromBase64String(text))
                : encoding.GetString(QuotedPrintable(text.Replace('_', ' ')));
        });

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add((byte)text[i]);
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?")]
    private static partial Regex EncodedWord();
}
