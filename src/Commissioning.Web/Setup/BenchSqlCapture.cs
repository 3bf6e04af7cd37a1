using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Web.Setup;

/// <summary>
/// For bench/ only, off unless <c>Bench:CaptureSqlTo</c> names a file: every command a request runs is appended
/// to it as one JSON line (the request's id and target, the SQL, each parameter's value and type), so that
/// bench/SqlFloor can replay a page's statements alone against the same database: the page's SQL "floor".
/// Parameter values are written in full, so never turn this on over real data.
/// </summary>
public static class BenchSqlCapture
{
    public const string Setting = "Bench:CaptureSqlTo";

    public static IServiceCollection AddBenchSqlCapture(this IServiceCollection services, IConfiguration configuration)
    {
        var file = configuration[Setting];
        if (string.IsNullOrWhiteSpace(file)) return services;
        var writer = new Writer(Path.GetFullPath(file));
        services.ConfigureDbContext<CommissioningDbContext>((provider, options) =>
            options.AddInterceptors(new Interceptor(writer, provider.GetRequiredService<IHttpContextAccessor>())));
        return services;
    }

    private sealed class Writer(string file)
    {
        private readonly Lock _gate = new();

        public void Append(string line)
        {
            lock (_gate) File.AppendAllText(file, line + "\n");
        }
    }

    private sealed class Interceptor(Writer writer, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Capture(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Capture(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Capture(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        // Only what a request runs: start-up's migrations and seeding, and background work, belong to no page.
        private void Capture(DbCommand command)
        {
            if (http.HttpContext is not { } context) return;
            var request = context.Request;
            writer.Append(JsonSerializer.Serialize(new
            {
                request = context.TraceIdentifier,
                target = $"{request.Method} {request.Path}{request.QueryString}",
                sql = command.CommandText,
                parameters = command.Parameters.Cast<DbParameter>().Select(p => new
                {
                    name = p.ParameterName,
                    clrType = p.Value is null or DBNull ? null : p.Value.GetType().FullName,
                    sqliteType = (p as SqliteParameter)?.SqliteType.ToString(),
                    value = Text(p.Value),
                }),
            }));
        }

        /// <summary>The value as text that SqlFloor turns back into the same CLR value (and so the same binding).</summary>
        private static string? Text(object? value) => value switch
        {
            null or DBNull => null,
            byte[] bytes => Convert.ToBase64String(bytes),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString("O", CultureInfo.InvariantCulture),
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
