// A page's SQL alone, its "floor": the statements one request ran (captured by the app with Bench:CaptureSqlTo),
// replayed against the same SQLite file with the same parameter values and types, every row of every result read.
// Usage: SqlFloor --db FILE --capture FILE --target "GET /Contracts?Filter.Q=care" [--seconds 2] [--min-runs 5]
//                 [--times FILE] [--show] [--each]
// Prints: statements=N skipped=M rows=R runs=K p50=ms p95=ms (and with --times appends each run's ms to FILE).
// --each: each statement's own median instead (10 runs each), slowest first, to find which one a page waits for.
// Only reads are replayed: a write (a session's last-seen time, say) is counted as skipped, not run.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

var options = Options.Parse(args);
var statements = Capture.Read(options.Capture, options.Target);
if (statements is null)
{
    Console.Error.WriteLine($"No request '{options.Target}' in {options.Capture}: was the page requested while the app captured?");
    return 2;
}
var reads = statements.Where(s => s.IsRead).ToList();
if (options.Show)
    foreach (var s in statements)
        Console.WriteLine($"-- {(s.IsRead ? "read" : "skipped (write)")}\n{s.Sql}\n");

using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Db, Mode = SqliteOpenMode.ReadOnly }.ToString());
connection.Open();
using (var pragma = connection.CreateCommand())
{
    pragma.CommandText = "PRAGMA busy_timeout=5000;";
    pragma.ExecuteNonQuery();
}

long RunOnce()
{
    long rows = 0;
    foreach (var statement in reads)
    {
        // A new command each time, as the app's every query is: the statement is prepared each run, as there.
        using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var p in statement.Parameters) command.Parameters.Add(p.ToSqlite());
        using var reader = command.ExecuteReader();
        do
        {
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
                rows++;
            }
        } while (reader.NextResult());
    }
    return rows;
}

// Warm: the file's pages into the cache, as the app's warm-up does for the page.
var rowCount = RunOnce();
if (options.Each)
{
    var each = reads.Select((statement, i) =>
    {
        var runs = Enumerable.Range(0, 10).Select(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var p in statement.Parameters) command.Parameters.Add(p.ToSqlite());
            using var reader = command.ExecuteReader();
            while (reader.Read()) { }
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).Order().ToList();
        return (i, Ms: runs[5], statement.Sql);
    }).OrderByDescending(s => s.Ms);
    foreach (var (i, ms, sql) in each)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{i + 1} {ms:0.000} ms: {sql.ReplaceLineEndings(" ")[..Math.Min(160, sql.ReplaceLineEndings(" ").Length)]}"));
    return 0;
}
RunOnce();
var times = new List<double>();
var clock = Stopwatch.StartNew();
while (times.Count < options.MinRuns || clock.Elapsed.TotalSeconds < options.Seconds)
{
    var start = Stopwatch.GetTimestamp();
    RunOnce();
    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
}

if (options.Times is { } file)
    File.AppendAllLines(file, times.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)));
times.Sort();
double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p / 100 * times.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"statements={reads.Count} skipped={statements.Count - reads.Count} rows={rowCount} runs={times.Count} p50={Percentile(50):0.000} p95={Percentile(95):0.000}"));
return 0;

internal sealed record Options(string Db, string Capture, string Target, double Seconds, int MinRuns, string? Times, bool Show, bool Each)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required (see the comment at the top of Program.cs)");
        return new Options(Required("--db"), Required("--capture"), Required("--target"),
            double.Parse(Value("--seconds") ?? "2", CultureInfo.InvariantCulture), int.Parse(Value("--min-runs") ?? "5", CultureInfo.InvariantCulture),
            Value("--times"), args.Contains("--show"), args.Contains("--each"));
    }
}

internal sealed record Statement(string Sql, IReadOnlyList<Parameter> Parameters)
{
    public bool IsRead => Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        || Sql.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A parameter as the app bound it: the same CLR value and SqliteType give the same binding (text, integer, real, blob).</summary>
internal sealed record Parameter(string Name, string? ClrType, string? SqliteType, string? Value)
{
    public SqliteParameter ToSqlite()
    {
        var p = new SqliteParameter { ParameterName = Name, Value = ClrValue() ?? DBNull.Value };
        if (SqliteType is not null) p.SqliteType = Enum.Parse<SqliteType>(SqliteType);
        return p;
    }

    private object? ClrValue()
    {
        if (Value is null) return null;
        var c = CultureInfo.InvariantCulture;
        return ClrType switch
        {
            "System.String" or null => Value,
            "System.Char" => Value[0],
            "System.Boolean" => bool.Parse(Value),
            "System.Byte" => byte.Parse(Value, c),
            "System.Int16" => short.Parse(Value, c),
            "System.Int32" => int.Parse(Value, c),
            "System.Int64" => long.Parse(Value, c),
            "System.UInt32" => uint.Parse(Value, c),
            "System.UInt64" => ulong.Parse(Value, c),
            "System.Double" => double.Parse(Value, c),
            "System.Single" => float.Parse(Value, c),
            "System.Decimal" => decimal.Parse(Value, c),
            "System.DateTime" => DateTime.Parse(Value, c, DateTimeStyles.RoundtripKind),
            "System.DateTimeOffset" => DateTimeOffset.Parse(Value, c, DateTimeStyles.RoundtripKind),
            "System.DateOnly" => DateOnly.ParseExact(Value, "O", c),
            "System.TimeOnly" => TimeOnly.ParseExact(Value, "O", c),
            "System.TimeSpan" => TimeSpan.ParseExact(Value, "c", c),
            "System.Guid" => Guid.Parse(Value),
            "System.Byte[]" => Convert.FromBase64String(Value),
            _ => throw new NotSupportedException($"Parameter {Name} has a {ClrType}: teach SqlFloor to read it back."),
        };
    }
}

internal static class Capture
{
    /// <summary>The statements of the last request to the target (a page is captured once, after its warm-up).</summary>
    public static List<Statement>? Read(string file, string target)
    {
        var lines = File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("target").GetString() == target).ToList();
        if (lines.Count == 0) return null;
        var last = lines[^1].GetProperty("request").GetString();
        return lines.Where(e => e.GetProperty("request").GetString() == last)
            .Select(e => new Statement(e.GetProperty("sql").GetString()!,
                e.GetProperty("parameters").EnumerateArray().Select(p => new Parameter(
                    p.GetProperty("name").GetString()!, p.GetProperty("clrType").GetString(),
                    p.GetProperty("sqliteType").GetString(), p.GetProperty("value").GetString())).ToList()))
            .ToList();
    }
}
