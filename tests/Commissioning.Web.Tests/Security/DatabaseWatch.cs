using System.Security.Cryptography;
using System.Text;
using Commissioning.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Commissioning.Web.Tests.Security;

/// <summary>
/// Says whether anything in the application's database changed since it last looked. SQLite's
/// <c>PRAGMA data_version</c> moves when another connection commits, which costs nothing to ask after
/// every probe; when it has moved, every table's rows are hashed and compared, so a write that changed
/// nothing a person saved (a server-side session touched, the key ring) is told apart from a save.
/// </summary>
public sealed class DatabaseWatch : IDisposable
{
    private readonly SqliteConnection _connection;
    private long _version;
    private string _fingerprint;

    private DatabaseWatch(string connectionString)
    {
        _connection = new SqliteConnection(connectionString + ";Pooling=False");
        _connection.Open();
        _version = DataVersion();
        _fingerprint = Fingerprint();
    }

    public static DatabaseWatch Start(CommissioningFactory factory) => new(factory.ConnectionString);

    /// <summary>Whether the rows changed since the watch started or was last <see cref="Accept"/>ed.</summary>
    public bool Changed(out string tables)
    {
        tables = "";
        if (DataVersion() == _version) return false;
        var now = Fingerprint();
        if (now == _fingerprint)
        {
            _version = DataVersion();
            return false;
        }
        tables = string.Join(", ", ChangedTables(now));
        return true;
    }

    /// <summary>The database as it is now becomes the one later changes are measured from (after a save meant to happen).</summary>
    public void Accept()
    {
        var version = DataVersion();
        if (version == _version) return;
        _version = version;
        _fingerprint = Fingerprint();
    }

    private long DataVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    // "table:hash;table:hash" — per table, so a change can be named.
    private string Fingerprint()
    {
        var parts = new List<string>();
        foreach (var table in Tables())
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
            parts.Add(table + ":" + Convert.ToHexString(hash.GetHashAndReset()));
        }
        return string.Join(";", parts);
    }

    private IEnumerable<string> ChangedTables(string now)
    {
        var before = _fingerprint.Split(';').ToHashSet();
        return now.Split(';').Where(p => !before.Contains(p)).Select(p => p.Split(':')[0]);
    }

    /// <summary>
    /// The tables of what people save. Left out: the data-protection key ring, migrations history, and
    /// session tables (a session's last-seen time may be written on any request, by design).
    /// </summary>
    private List<string> Tables()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names.Where(n => n is not ("DataProtectionKeys" or "__EFMigrationsHistory")
            && !n.Contains("Session", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public void Dispose() => _connection.Dispose();
}
