using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commissioning.Infrastructure.Publishing.Ocds;

namespace Commissioning.Web.Pages.Public;

/// <summary>
/// /ocds/releases.json: an OCDS 1.1.5 release package of every published contract's releases, oldest first, a page at
/// a time (?page=2; links.next and links.prev), from a day or instant on (?since=2025-04-01 or 2025-04-01T09:00:00Z).
/// </summary>
public sealed partial class ReleasesModel(IConfiguration configuration, OcdsFeed feed) : PublicPage(configuration)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var sinceText = Request.Query["since"].ToString();
        DateTime? since = null;
        if (sinceText.Length > 0)
        {
            if (ParseSince(sinceText) is not { } parsed)
                return OcdsJson.Problem("The since parameter is not a date",
                    $"since is \"{sinceText}\": give an ISO 8601 date, such as 2025-04-01, or a date and time with its offset, such as 2025-04-01T09:30:00Z or 2025-04-01T10:30:00+01:00.");
            since = parsed;
        }
        var pageText = Request.Query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return OcdsJson.Problem("The page parameter is not a page number", $"page is \"{pageText}\": give a whole number from 1.");

        var root = PublicAddress.Root(Request, Configuration);
        var package = await feed.ReleasePackageAsync(since, page, p => PageUri(root, sinceText, p), ct);
        PublicSetup.MarkCacheable(HttpContext);
        return OcdsJson.Content(package);
    }

    private static string PageUri(string root, string since, int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (since.Length > 0) query.Add(new("since", since));
        if (page > 1) query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return root + "/ocds/releases.json" + QueryString.Create(query).ToUriComponent();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex IsoShape();

    /// <summary>An ISO 8601 date (midnight UTC) or date and time with an offset (Z or ±hh:mm), as UTC; null for anything else.</summary>
    public static DateTime? ParseSince(string text)
    {
        if (!IsoShape().IsMatch(text)) return null;
        if (text.Length == 10)
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? OcdsReleases.Midnight(d) : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.UtcDateTime : null;
    }
}

/// <summary>How the feed answers: JSON (UTF-8, indented for people reading it), or an RFC 9457 problem for bad input.</summary>
public static class OcdsJson
{
    // Indented, and £ and – as themselves: the feed is read by people too, and is never inlined into HTML.
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The JSON written straight to the response as UTF-8: a page of the feed is 170 KB, and made into a string first it
    /// would be a large-object allocation on every answer.
    /// </summary>
    public static IActionResult Content(JsonObject json) => new Written(json);

    private sealed class Written(JsonObject json) : IActionResult
    {
        private static readonly System.Text.Json.JsonWriterOptions Writing = new() { Indented = true, Encoder = Indented.Encoder };

        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            await using var writer = new System.Text.Json.Utf8JsonWriter(response.BodyWriter, Writing);
            json.WriteTo(writer);
            await writer.FlushAsync(context.HttpContext.RequestAborted);
        }
    }

    public static ContentResult Problem(string title, string detail, int status = StatusCodes.Status400BadRequest) => new()
    {
        Content = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail }.ToJsonString(Indented),
        ContentType = "application/problem+json; charset=utf-8",
        StatusCode = status,
    };
}
