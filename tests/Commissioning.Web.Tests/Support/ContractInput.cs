using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Commissioning.Web.Tests.Support;

/// <summary>The fields of the contract form as a person fills them in on the Create page.</summary>
public static partial class ContractInput
{
    public static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The demo commissioner's display name: the responsible commissioner of the contracts tests add.</summary>
    public const string Commissioner = "Sarah Okafor";

    /// <summary>
    /// What every form has: description, term and award. The directorate and commissioner are given by the text of
    /// their options, which <see cref="Browser.PostFormAsync"/> posts as the options' values (ids).
    /// </summary>
    public static FormFields Common(string title, DateOnly start, DateOnly end, DateOnly? awarded = null, int noticeMonths = 3)
    {
        var fields = new FormFields
        {
            { "Input.Title", title },
            { "Input.ServiceCategory", "SupportedLiving" },
            { "Input.DirectorateId", "Adult Social Care" },
            { "Input.ResponsibleCommissionerId", Commissioner },
            { "Input.ProcurementRoute", "OpenTender" },
            { "Input.Confidentiality", "Open" },
            { "Input.NoticePeriodMonths", S(noticeMonths) },
        };
        Date(fields, "Input.StartDate", start);
        Date(fields, "Input.InitialEndDate", end);
        if (awarded is { } a) Date(fields, "Input.AwardedOn", a);
        return fields;
    }

    public static FormFields Date(FormFields fields, string name, DateOnly date)
    {
        fields.Set(name + ".Day", S(date.Day));
        fields.Set(name + ".Month", S(date.Month));
        fields.Set(name + ".Year", S(date.Year));
        return fields;
    }

    public static FormFields Block(string title, int providerId, string annualValue, DateOnly start, DateOnly end, DateOnly? awarded = null)
    {
        var f = Common(title, start, end, awarded);
        f.Add("Input.ProviderId", S(providerId));
        f.Add("Input.AnnualValue", annualValue);
        return f;
    }

    public static FormFields Spot(string title, int providerId, DateOnly start, DateOnly end, params (string Service, string Unit, string Rate)[] lines)
    {
        var f = Common(title, start, end);
        f.Add("Input.ProviderId", S(providerId));
        for (var i = 0; i < lines.Length; i++)
        {
            f.Add($"Input.RateCard[{i}].Service", lines[i].Service);
            f.Add($"Input.RateCard[{i}].Unit", lines[i].Unit);
            f.Add($"Input.RateCard[{i}].UnitRate", lines[i].Rate);
        }
        return f;
    }

    public static FormFields LeadProvider(string title, int? leadId, string annualValue, DateOnly start, DateOnly end,
        params (int ProviderId, string Service, string Value)[] subContracts)
    {
        var f = Common(title, start, end);
        f.Add("Input.ProviderId", leadId is { } id ? S(id) : "");
        f.Add("Input.AnnualValue", annualValue);
        for (var i = 0; i < subContracts.Length; i++)
        {
            f.Add($"Input.SubContracts[{i}].ProviderId", S(subContracts[i].ProviderId));
            f.Add($"Input.SubContracts[{i}].Service", subContracts[i].Service);
            f.Add($"Input.SubContracts[{i}].AnnualValue", subContracts[i].Value);
        }
        return f;
    }

    public static FormFields Consortium(string title, string annualValue, DateOnly start, DateOnly end,
        params (int ProviderId, string Role, bool IsLead)[] members)
    {
        var f = Common(title, start, end);
        f.Add("Input.AnnualValue", annualValue);
        for (var i = 0; i < members.Length; i++)
        {
            f.Add($"Input.Members[{i}].ProviderId", S(members[i].ProviderId));
            f.Add($"Input.Members[{i}].Role", members[i].Role);
            if (members[i].IsLead) f.Add($"Input.Members[{i}].IsLead", "true");
        }
        return f;
    }

    /// <summary>Posts the Create page for a form and returns the new contract's id (the redirect to its page).</summary>
    public static async Task<int> CreateAsync(HttpClient client, string form, FormFields fields)
    {
        var page = await client.PostFormAsync($"/Contracts/Create?form={form}", fields);
        if (page.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Creating a {form} contract answered {(int)page.Status}: {string.Join(" | ", page.ErrorSummary)}");
        return DetailsId(page.Location);
    }

    /// <summary>The id in a /Contracts/Details/{id} address, or an exception naming what it was.</summary>
    public static int DetailsId(string? location)
    {
        var match = DetailsPath().Match(location ?? "");
        if (!match.Success) throw new InvalidOperationException($"Expected a redirect to /Contracts/Details/{{id}}, got '{location}'.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^/Contracts/Details/(\d+)$")]
    private static partial Regex DetailsPath();
}
