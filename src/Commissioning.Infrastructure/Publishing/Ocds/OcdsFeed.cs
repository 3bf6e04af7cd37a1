using System.Globalization;
using System.Text.Json.Nodes;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Infrastructure.Publishing.Ocds;

/// <summary>
/// The packages /ocds/releases.json and /ocds/records/{ocid} answer with. Built on request from the register (there is
/// no second copy to fall out of step); the answers are cached for five minutes by whoever asks (docs/publishing.md).
/// </summary>
public sealed class OcdsFeed(CommissioningDbContext db, ScheduleCache schedules, OcdsOptions options, string buyerName, Money threshold)
{
    public const string Version = "1.1";

    private OcdsReleases Releases => new(options, buyerName);

    /// <summary>
    /// Every release dated on or after <paramref name="since"/>, oldest first (then by id), <see cref="OcdsOptions.PageSize"/>
    /// a page; <c>links.next</c> and <c>links.prev</c> lead to the neighbouring pages. A page past the end has no releases.
    /// </summary>
    public async Task<JsonObject> ReleasePackageAsync(DateTime? sinceUtc, int page, Func<int, string> pageUri, CancellationToken ct)
    {
        // Every release in order, kept per register version as where to find it (its contract and its place among that
        // contract's releases, which For gives in the same order every time), not as the release: 100,000 of those
        // would hold their JSON's makings. Only the page's releases are made, into JSON.
        var all = await schedules.KeptAsync(db, $"ocds-releases:{threshold.Pence}", async c =>
            (await PublicContracts.HeldAsync(db, schedules, threshold, c))
                .SelectMany(contract => Releases.For(contract).Select((r, index) => new KeptRelease(r.DateUtc, r.Id, contract, index)))
                .OrderBy(r => r.DateUtc).ThenBy(r => r.Id, StringComparer.Ordinal).ToList(), ct);
        var chosen = all.Where(r => sinceUtc is null || r.DateUtc >= sinceUtc).ToList();
        var size = Math.Max(1, options.PageSize);
        var pages = Math.Max(1, (chosen.Count + size - 1) / size);
        page = Math.Max(1, page);

        var package = Envelope(pageUri(page), all.Count == 0 ? null : all[^1].DateUtc); // in date order: the last is the latest
        package["releases"] = new JsonArray([.. chosen.Skip((page - 1) * size).Take(size)
            .Select(r => Releases.For(r.Contract).ElementAt(r.Index).Json)]);
        var links = new JsonObject();
        if (page < pages) links["next"] = pageUri(page + 1);
        if (page > 1) links["prev"] = pageUri(Math.Min(page - 1, pages));
        if (links.Count > 0) package["links"] = links;
        return package;
    }

    /// <summary>The record package of one contracting process, or null when the ocid is not one the feed publishes.</summary>
    public async Task<JsonObject?> RecordPackageAsync(string ocid, string uri, CancellationToken ct)
    {
        var dash = ocid.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(ocid[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || Ocid(id) != ocid)
            return null;
        var contract = (await PublicContracts.LoadAsync(db, schedules, threshold, ct, only: [id])).SingleOrDefault();
        if (contract is null) return null;

        var releases = Releases.For(contract).OrderBy(r => r.DateUtc).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var package = Envelope(uri, releases.Count == 0 ? null : releases.Max(r => r.DateUtc));
        package["records"] = new JsonArray(new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = new JsonArray([.. releases.Select(r => r.Json)]),
            ["compiledRelease"] = OcdsCompiler.Compile(ocid, releases.Select(r => r.Json).ToList()),
        });
        return package;
    }

    public string Ocid(int contractId) => Releases.Ocid(contractId);

    /// <summary>
    /// What every package starts with. Built on demand, so its publishedDate is the date of the latest release it draws
    /// on (the last change to what it publishes), which also keeps it the same between two requests.
    /// </summary>
    private JsonObject Envelope(string uri, DateTime? latestUtc)
    {
        var publisher = new JsonObject { ["name"] = options.PublisherName ?? buyerName };
        if (options.PublisherScheme is { } scheme) publisher["scheme"] = scheme;
        if (options.PublisherUid is { } uid) publisher["uid"] = uid;
        if (options.PublisherUri is { } publisherUri) publisher["uri"] = publisherUri;
        var latest = latestUtc ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var package = new JsonObject
        {
            ["uri"] = uri,
            ["version"] = Version,
            ["extensions"] = new JsonArray(OcdsOptions.UkExtension, OcdsOptions.BudgetBreakdownExtension),
            ["publishedDate"] = OcdsReleases.Stamp(latest),
            ["publisher"] = publisher,
        };
        if (options.License is { } license) package["license"] = license;
        if (options.PublicationPolicy is { } policy) package["publicationPolicy"] = policy;
        return package;
    }

    /// <summary>A release of the feed as kept: its date and id (its order) and where to make it from.</summary>
    private sealed record KeptRelease(DateTime DateUtc, string Id, PublicContract Contract, int Index);
}
