using Commissioning.Infrastructure.Publishing.Ocds;

namespace Commissioning.Web.Pages.Public;

/// <summary>/ocds/records/{ocid}: a record package for one published contract, its releases and its compiled release.</summary>
public sealed class RecordModel(IConfiguration configuration, OcdsFeed feed) : PublicPage(configuration)
{
    public async Task<IActionResult> OnGetAsync(string ocid, CancellationToken ct)
    {
        var uri = PublicAddress.Root(Request, Configuration) + "/ocds/records/" + Uri.EscapeDataString(ocid);
        var package = await feed.RecordPackageAsync(ocid, uri, ct);
        if (package is null)
            return OcdsJson.Problem("No such contracting process", $"{ocid} is not the ocid of a contract this council publishes.", StatusCodes.Status404NotFound);
        PublicSetup.MarkCacheable(HttpContext);
        return OcdsJson.Content(package);
    }
}
