using System.Text;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Publish;

/// <summary>Contracts made straight in the database for the publishing tests, and the CSV read back field by field.</summary>
internal static class PublishFiles
{
    public static async Task<int> AddAsync(this CommissioningFactory factory, string reference, CommissioningForm form, decimal? annual,
        DateOnly start, DateOnly end, Confidentiality confidentiality = Confidentiality.Open, bool awarded = true, bool withdrawn = false,
        string? description = null, PublishingDetails? details = null)
    {
        await using var scope = factory.OpenDb();
        var db = scope.Db;
        var directorate = await db.Directorates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var provider = await db.Providers.Where(p => p.Name == "Riverside Day Opportunities").Select(p => p.Id).SingleAsync();
        var money = annual is { } a ? Money.Pounds(a) : (Money?)null;
        Contract c = form == CommissioningForm.Spot
            ? new SpotContract(provider, [new RateCardLine("Day opportunities", RateUnit.Hour, Money.Pounds(21.50m))], money)
            : new BlockContract(provider, money!.Value);
        c.Describe(new ContractDescription(reference, $"Publishing test {reference}", description, ServiceCategory.DayServices, directorate,
            ResponsibleCommissioner.Historic("Test officer"), ProcurementRoute.OpenTender, false, confidentiality));
        c.SetTerm(new ContractTerm(start, end, [], 3));
        if (form == CommissioningForm.Spot) c.SetRateCard(c.RateCard);
        c.RecordAward(awarded ? start.AddDays(-10) : null, null);
        if (details is not null) c.SetPublishingDetails(details);
        if (withdrawn) c.Withdraw("Entered in error", new Actor("test", "Test officer"), DateTime.UtcNow);
        db.Contracts.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>RFC 4180: fields in quotes may hold commas, quotes (doubled) and line breaks.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    /// <summary>The rows as dictionaries keyed by heading.</summary>
    public static List<Dictionary<string, string>> Records(List<List<string>> rows) =>
        rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
}
