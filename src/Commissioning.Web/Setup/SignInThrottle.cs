using System.Collections.Concurrent;
using System.Globalization;

namespace Commissioning.Web.Setup;

/// <summary>
/// Slows password and code guessing with delays that double, counted by three keys: the client's address, the
/// (account, client) pair and the account alone (issue 13, defect 5; decision 0016). Each key has
/// <see cref="FreeFailures"/> failures free; after that an attempt must wait 1 s after the key's last failure, then
/// 2, 4, 8 … up to the key's cap. The account alone waits at most a minute, so a stranger's guesses never keep its
/// owner out for long, yet guessers spread over many addresses get fewer than 100 tries an hour [ASVS 2.2.1].
/// A refused attempt checks no password and counts nothing. A key's failures are forgotten an hour after its last.
/// </summary>
/// <remarks>Held in memory: per app instance, and forgotten on restart (decision 0016 says why that is enough).</remarks>
public sealed class SignInThrottle(TimeProvider time, IConfiguration configuration)
{
    /// <summary>Failures a key has free before delays start: <c>Security:FailuresBeforeDelay</c>, 5 unless set
    /// (bench/sign-in-timing.sh raises it to time the form itself rather than the throttle).</summary>
    public int FreeFailures { get; } = Math.Max(1, configuration.GetValue("Security:FailuresBeforeDelay", 5));
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AccountCap = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan PairCap = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ClientCap = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _keys = new();

    /// <summary>How long this attempt must wait; zero when it may go ahead.</summary>
    /// <param name="account">The normalized e-mail address typed, whether or not it has an account.</param>
    public TimeSpan WaitFor(string account, string client)
    {
        var now = time.GetUtcNow();
        return Keys(account, client).Max(k => Wait(k.Key, k.Cap, now));
    }

    public void Failed(string account, string client)
    {
        var now = time.GetUtcNow();
        foreach (var (key, _) in Keys(account, client))
        {
            var failures = _keys.GetOrAdd(key, _ => new Failures());
            lock (failures)
            {
                if (now - failures.Last > Forget) failures.Count = 0;
                failures.Count++;
                failures.Last = now;
            }
        }
        if (_keys.Count > PruneAbove) Prune(now);
    }

    /// <summary>The right password from this client: its pair is forgotten. The account's and the client's counts stay,
    /// or a guesser with an account of their own could wipe them.</summary>
    public void Succeeded(string account, string client) => _keys.TryRemove(Pair(account, client), out _);

    /// <summary>How long the account alone makes anyone wait now ("Unlock account" shows and clears it).</summary>
    public TimeSpan AccountWait(string account) => Wait(Account(account), AccountCap, time.GetUtcNow());

    /// <summary>Failures counted against the account in the last hour.</summary>
    public int AccountFailures(string account) =>
        _keys.TryGetValue(Account(account), out var f) && time.GetUtcNow() - f.Last <= Forget ? f.Count : 0;

    /// <summary>An administrator's "Unlock account": the account's own count and every client's count for it go.</summary>
    public void Clear(string account)
    {
        _keys.TryRemove(Account(account), out _);
        foreach (var key in _keys.Keys.Where(k => k.StartsWith("pair:" + account + "|", StringComparison.Ordinal)))
            _keys.TryRemove(key, out _);
    }

    /// <summary>Everything forgotten: the tests' shared application starts each test afresh.</summary>
    public void Reset() => _keys.Clear();

    public static string Message(TimeSpan wait)
    {
        var seconds = Seconds(wait);
        return string.Create(CultureInfo.InvariantCulture, $"Too many sign-in attempts. Wait {seconds} {(seconds == 1 ? "second" : "seconds")}, then try again.");
    }

    /// <summary>Whole seconds, rounded up, never 0: what Retry-After and the message say.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private TimeSpan Wait(string key, TimeSpan cap, DateTimeOffset now)
    {
        if (!_keys.TryGetValue(key, out var failures)) return TimeSpan.Zero;
        lock (failures)
        {
            if (failures.Count < FreeFailures || now - failures.Last > Forget) return TimeSpan.Zero;
            var delay = Delay(failures.Count, cap);
            var left = failures.Last + delay - now;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The delay after <paramref name="count"/> failures: 1 s after the fifth, doubling, capped.</summary>
    public TimeSpan Delay(int count, TimeSpan cap)
    {
        if (count < FreeFailures) return TimeSpan.Zero;
        var doublings = Math.Min(count - FreeFailures, 30);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < cap ? delay : cap;
    }

    private static (string Key, TimeSpan Cap)[] Keys(string account, string client) =>
        [("client:" + client, ClientCap), (Pair(account, client), PairCap), (Account(account), AccountCap)];

    private static string Pair(string account, string client) => "pair:" + account + "|" + client;
    private static string Account(string account) => "account:" + account;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _keys)
            if (now - failures.Last > Forget) _keys.TryRemove(key, out _);
    }

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
    }
}
