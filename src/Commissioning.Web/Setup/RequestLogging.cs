using System.Security.Claims;

namespace Commissioning.Web.Setup;

/// <summary>
/// One log line per request: method, path, status, milliseconds, the signed-in user's id (or "none") and the
/// request id that the error page shows, so a reference a user quotes finds its line. Registered first in
/// Program.cs, so the time covers the whole pipeline and the status is the one sent (error pages included).
/// </summary>
public static partial class RequestLogging
{
    /// <summary>The one id for a request: in its log line, on its error page, and in ASP.NET Core's own RequestId scope.</summary>
    public static string RequestId(HttpContext context) => context.TraceIdentifier;

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<Middleware>();

    /// <summary>
    /// The path as logged: escaped (a %0A in an address cannot start a forged line), never the query string
    /// (it can carry tokens), and the calendar feed's token left out: the address is the feed's only key.
    /// </summary>
    internal static string LoggedPath(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path);
        return request.Path.StartsWithSegments("/Calendar") ? request.PathBase + "/Calendar/{token}" : path.ToUriComponent();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms for user {UserId}; request {RequestId}")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, long elapsedMs, string userId, string requestId);

    // Load balancers ask every few seconds: a healthy answer is logged only when Debug is on.
    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms for user {UserId}; request {RequestId}")]
    private static partial void Probed(ILogger logger, string method, string path, int statusCode, long elapsedMs, string userId, string requestId);

    internal sealed class Middleware(RequestDelegate next, ILogger<Middleware> logger, TimeProvider time)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            // Read now: the error page is re-executed as a GET on /Error, and the method is not put back.
            var method = context.Request.Method;
            var path = LoggedPath(context.Request);
            var started = time.GetTimestamp();
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
                var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "none";
                if (status == StatusCodes.Status200OK && context.Request.Path.StartsWithSegments("/health"))
                    Probed(logger, method, path, status, elapsed, user, RequestId(context));
                else
                    Answered(logger, method, path, status, elapsed, user, RequestId(context));
            }
        }
    }
}
