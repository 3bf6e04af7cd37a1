using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>
/// A local SMTP server that accepts everything and keeps it, on a free localhost port: just enough
/// of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for System.Net.Mail. Never a real server.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToList();

    public void Clear() => _received.Clear();

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
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, new UTF8Encoding(false));
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test sink");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteAsync("250-localhost\r\n250 8BITMIME\r\n");
                    break;
                case "HELO":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    _received.Enqueue(new ReceivedMail(from ?? "", to.ToList(), data.ToString()));
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

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
    public string Header(string name)
    {
        var head = Raw[..Math.Max(0, Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        var unfolded = Regex.Replace(head, "\r\n[ \t]+", " ");
        foreach (var line in unfolded.Split("\r\n"))
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                return DecodeWords(line[(name.Length + 1)..].Trim());
        return "";
    }

    public string Subject => Header("Subject");

    public string Text => Part("text/plain");

    public string Html => Part("text/html");

    private string Part(string mediaType)
    {
        var boundary = Regex.Match(Header("Content-Type"), "boundary=\"?([^\";]+)\"?").Groups[1].Value;
        var parts = boundary.Length == 0 ? [Raw] : Raw.Split("--" + boundary);
        foreach (var part in parts)
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0) continue;
            var headers = Regex.Replace(part[..split], "\r\n[ \t]+", " ");
            if (!headers.Contains("Content-Type: " + mediaType, StringComparison.OrdinalIgnoreCase)) continue;
            var body = part[(split + 4)..];
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
                return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", "")));
            return body;
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
