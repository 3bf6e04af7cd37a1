namespace Commissioning.Web.Setup;

/// <summary>
/// <c>Commissioning.Web backup DEST [--Setting=value ...]</c> (what <c>build/backup.sh</c> runs): a consistent copy
/// of the SQLite register while the application runs. It reads configuration exactly as the application does
/// (appsettings, environment, command line; <c>ConnectionStrings:Commissioning</c>, else App_Data/commissioning.db
/// under the content root), so it copies the database the application uses. On SQL Server it refuses.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine("Usage: backup DEST [--ConnectionStrings:Commissioning=\"Data Source=...\"]");
            return 2;
        }
        try
        {
            // A one-off command watches no settings file for changes: a machine out of inotify watchers must not stop a backup.
            var builder = WebApplication.CreateBuilder([.. args[2..], "--hostBuilder:reloadConfigOnChange=false"]);
            var provider = DatabaseSetup.ProviderFrom(builder.Configuration);
            if (provider != DatabaseProvider.Sqlite)
            {
                Console.Error.WriteLine("Database:Provider is SqlServer: back SQL Server up with its own tools (BACKUP DATABASE, or Azure SQL's " +
                    "automatic backups). This command copies only the embedded SQLite database.");
                return 1;
            }
            var connectionString = DatabaseSetup.ConnectionStringFrom(builder.Configuration, builder.Environment.ContentRootPath, provider);
            var destination = Path.GetFullPath(args[1]);
            var bytes = Infrastructure.Data.SqliteBackup.BackUp(connectionString, destination);
            Console.WriteLine($"Backed up {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource} to {destination} " +
                $"({bytes:N0} bytes, integrity check ok).");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine("Backup failed: " + e.Message);
            return 1;
        }
    }
}
