using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>
/// A mistake on the contract form is shown back (200) in the error summary and at its field,
/// and nothing is saved. Covers the field checks and the business rules shown from the domain.
/// </summary>
[Collection(SharedApp.Contracts)]
public sealed class ContractFormValidatorTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static readonly DateOnly Start = new(2025, 4, 1);
    private static readonly DateOnly End = new(2028, 3, 31);

    private async Task<HtmlPage> RefusedAsync(string form, FormFields fields, string fieldId, string expected)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var before = await factory.ContractCountAsync();

        var page = await client.PostFormAsync($"/Contracts/Create?form={form}", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(before, await factory.ContractCountAsync());
        Assert.Contains(page.ErrorSummary, m => m.Contains(expected, StringComparison.Ordinal));
        // The summary links to the field, or for a date or a list section to the first control inside it,
        // since only a control can take focus; the target must exist on the page.
        var target = Assert.Single(page.ErrorSummaryTargets, t => t == fieldId || t.StartsWith(fieldId + "-", StringComparison.Ordinal));
        var control = page.Document.GetElementById(target);
        Assert.True(control is not null, $"The error summary links to #{target}, which is not on the page");
        Assert.Contains(control.LocalName, new[] { "input", "select", "textarea" });
        var atField = page.FieldError(fieldId);
        Assert.True(atField is not null, $"No error message with id '{fieldId}-error' on the page");
        Assert.Contains(expected, atField);
        return page;
    }

    private async Task<int> ProviderAsync(string name = "Riverside Day Opportunities") => await factory.ProviderIdAsync(name);

    [Fact]
    public async Task Initial_end_before_start_is_refused_at_the_end_date()
    {
        var fields = ContractInput.Block("End before start", await ProviderAsync(), "1,000.00", Start, Start.AddDays(-1));

        await RefusedAsync("Block", fields, "Input-InitialEndDate", "on or after the start date");
    }

    [Fact]
    public async Task Unknown_provider_id_is_refused_as_not_in_the_register()
    {
        var fields = ContractInput.Block("Unknown provider", 99999, "1,000.00", Start, End);

        await RefusedAsync("Block", fields, "Input-ProviderId", "not in the register");
    }

    [Fact]
    public async Task Negative_money_is_refused_as_below_zero()
    {
        var fields = ContractInput.Block("Negative money", await ProviderAsync(), "-5", Start, End);

        var page = await RefusedAsync("Block", fields, "Input-AnnualValue", "£0.00 or more");

        // What was typed is shown back exactly.
        Assert.Equal("-5", page.Value("Input.AnnualValue"));
    }

    [Fact]
    public async Task Malformed_money_is_refused_asking_for_pounds_and_pence()
    {
        var fields = ContractInput.Block("Malformed money", await ProviderAsync(), "£1,2x", Start, End);

        var page = await RefusedAsync("Block", fields, "Input-AnnualValue", "pounds and pence");

        Assert.Equal("£1,2x", page.Value("Input.AnnualValue"));
    }

    [Fact]
    public async Task Money_with_fractions_of_a_penny_is_refused()
    {
        var fields = ContractInput.Block("Fraction of a penny", await ProviderAsync(), "10.005", Start, End);

        await RefusedAsync("Block", fields, "Input-AnnualValue", "nearest penny");
    }

    [Fact]
    public async Task Malformed_unit_rate_on_a_rate_card_line_is_refused_at_that_line()
    {
        var fields = ContractInput.Spot("Bad rate", await ProviderAsync(), Start, End, ("Home care", "Hour", "12.3.4"));

        await RefusedAsync("Spot", fields, "Input-RateCard-0-UnitRate", "Rate card line 1: enter the unit rate in pounds and pence");
    }

    [Fact]
    public async Task Consortium_with_one_member_is_refused_as_needing_two()
    {
        var fields = ContractInput.Consortium("One member", "1,000.00", Start, End, (await ProviderAsync(), "Everything", true));

        await RefusedAsync("Consortium", fields, "Input-Members", "at least two members");
    }

    [Fact]
    public async Task Consortium_with_two_members_and_no_lead_is_refused_asking_which_leads()
    {
        var fields = ContractInput.Consortium("No lead", "1,000.00", Start, End,
            (await ProviderAsync(), "Day services", false), (await ProviderAsync("Community Connect Advocacy"), "Advocacy", false));

        await RefusedAsync("Consortium", fields, "Input-Members", "Choose which member leads");
    }

    [Fact]
    public async Task Consortium_with_the_same_provider_twice_is_refused()
    {
        var provider = await ProviderAsync();
        var fields = ContractInput.Consortium("Same member twice", "1,000.00", Start, End, (provider, "Day services", true), (provider, "Transport", false));

        await RefusedAsync("Consortium", fields, "Input-Members", "only once");
    }

    [Fact]
    public async Task Lead_provider_contract_without_its_lead_provider_is_refused()
    {
        var fields = ContractInput.LeadProvider("No lead provider", null, "1,000.00", Start, End,
            (await ProviderAsync("Community Connect Advocacy"), "Advocacy", "100.00"));

        await RefusedAsync("LeadProvider", fields, "Input-ProviderId", "lead provider");
    }

    [Fact]
    public async Task Lead_provider_sub_contracting_more_than_the_whole_is_refused()
    {
        var fields = ContractInput.LeadProvider("Too much sub-contracted", await ProviderAsync(), "1,000.00", Start, End,
            (await ProviderAsync("Community Connect Advocacy"), "Advocacy", "1,000.01"));

        await RefusedAsync("LeadProvider", fields, "Input-SubContracts", "more than the contract's annual value");
    }

    [Fact]
    public async Task Spot_contract_without_a_rate_card_line_is_refused()
    {
        var fields = ContractInput.Spot("No rates", await ProviderAsync(), Start, End);

        await RefusedAsync("Spot", fields, "Input-RateCard", "at least one rate card line");
    }

    [Fact]
    public async Task Extension_option_exercised_before_the_one_above_it_is_refused()
    {
        var fields = ContractInput.Block("Options out of order", await ProviderAsync(), "1,000.00", Start, End);
        fields.Add("Input.ExtensionOptions[0].Months", "12");
        fields.Add("Input.ExtensionOptions[1].Months", "12");
        fields.Add("Input.ExtensionOptions[1].IsExercised", "true");

        await RefusedAsync("Block", fields, "Input-ExtensionOptions", "Extension options are used in order");
    }

    [Fact]
    public async Task Missing_title_and_impossible_date_are_each_shown_at_their_field()
    {
        var fields = ContractInput.Block("", await ProviderAsync(), "1,000.00", Start, End);
        fields.Set("Input.StartDate.Day", "31").Set("Input.StartDate.Month", "2");

        var page = await RefusedAsync("Block", fields, "Input-Title", "Enter the contract title");

        Assert.Contains("must be a real date", page.FieldError("Input-StartDate"));
    }
}
