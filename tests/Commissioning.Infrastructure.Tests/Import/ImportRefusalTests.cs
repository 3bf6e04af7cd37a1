using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>Every reason a row is refused: the row number, the column, the value and the reason, and nothing written for it.</summary>
public sealed class ImportRefusalTests : ImportTestBase
{
    public static TheoryData<string, string[], string, string, string> Refusals => new()
    {
        { "no reference", Row(""), "Reference", "", "Every row needs a reference" },
        { "no title", Row("SC-1", title: ""), "Title", "", "Every new contract needs a title." },
        { "money in thousands", Row("SC-1", annual: "120k"), "Annual value", "120k", "" },
        { "money that is not money", Row("SC-1", annual: "lots"), "Annual value", "lots", "" },
        { "a date that is not a date", Row("SC-1", start: "31/02/2025"), "Start", "31/02/2025", "" },
        { "end before start", Row("SC-1", start: "01/04/2025", end: "31/03/2025"), "End", "31/03/2025", "The end date (31 March 2025) is before the start date (1 April 2025)." },
        { "a form that is none of the four", Row("SC-1", form: "Framework"), "Form", "Framework", "" },
        { "no form and no default", Row("SC-1", form: ""), "Form", "", "does not say whether the contract is block, spot, lead provider or consortium" },
        { "a spot contract with no rate card", Row("SC-1", form: "Spot"), "Rate card", "", "A spot contract needs at least one rate card line" },
        { "a consortium of one", Row("SC-1", form: "Consortium"), "Consortium members", "", "A consortium needs at least two members." },
        { "a formula", Row("SC-1", title: "=HYPERLINK(\"http://x\")"), "Title", "=HYPERLINK(\"http://x\")", "spreadsheet formula" },
        { "a block contract with no value", Row("SC-1", annual: ""), "Annual value", "", "needs an annual value" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_row_is_refused_naming_its_row_column_value_and_reason(string why, string[] row, string column, string value, string reason)
    {
        var plan = await PlanAsync(StandardTable(Row("SC-OK"), row), StandardSettings());

        Assert.Equal(RowOutcome.Create, plan.Rows[0].Outcome);
        var refused = plan.Rows[1];
        Assert.True(refused.Outcome == RowOutcome.Refuse, why);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((3, column, value), (problem.RowNumber, problem.Column, problem.Value));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
    }

    [Fact]
    public async Task The_default_form_is_used_when_the_row_says_none()
    {
        var plan = await PlanAsync(StandardTable(Row("SC-1", form: "")), StandardSettings(form: CommissioningForm.Block));

        Assert.Equal(RowOutcome.Create, Assert.Single(plan.Rows).Outcome);
    }

    [Fact]
    public async Task Every_occurrence_of_a_duplicated_reference_is_refused_naming_the_other_rows()
    {
        var plan = await PlanAsync(StandardTable(Row("SC-1"), Row("SC-2"), Row("sc-1 "), Row("SC-1")), StandardSettings());

        Assert.Equal([RowOutcome.Refuse, RowOutcome.Create, RowOutcome.Refuse, RowOutcome.Refuse], plan.Rows.Select(r => r.Outcome));
        Assert.Contains("also on rows 4 and 5", Assert.Single(plan.Rows[0].Problems).Reason, StringComparison.Ordinal);
        Assert.Contains("also on rows 2 and 5", Assert.Single(plan.Rows[2].Problems).Reason, StringComparison.Ordinal);
        Assert.Contains("also on rows 2 and 4", Assert.Single(plan.Rows[3].Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directorate_the_register_does_not_have_is_refused_and_a_blank_one_takes_the_default()
    {
        var columns = Standard.Select(s => (s.Header, s.Field, (int?)null)).Append(("Directorate", ImportField.Directorate, null)).ToArray();
        var headers = columns.Select(c => c.Item1).ToList();
        var plan = await PlanAsync(Table(headers, Row("SC-1").Append("Housing").ToArray(), Row("SC-2").Append("").ToArray(),
            Row("SC-3").Append("adult social care").ToArray()), Settings(columns));

        var problem = Assert.Single(plan.Rows[0].Problems);
        Assert.Equal(("Directorate", "Housing"), (problem.Column, problem.Value));
        Assert.Contains("no directorate called \u201cHousing\u201d", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Create, plan.Rows[1].Outcome);
        Assert.Equal(RowOutcome.Create, plan.Rows[2].Outcome);
    }

    [Fact]
    public async Task A_withdrawn_contracts_reference_is_refused()
    {
        await ImportAsync(StandardTable(Row("SC-1")), StandardSettings());
        await using (var db = Db())
        {
            var c = await db.Contracts.SingleAsync();
            c.Withdraw("Entered twice", new Actor("user-sarah", "Sarah Okafor"), At);
            await db.SaveChangesAsync();
        }

        var plan = await PlanAsync(StandardTable(Row("SC-1")), StandardSettings());

        var problem = Assert.Single(Assert.Single(plan.Rows).Problems);
        Assert.Equal(("Reference", "SC-1"), (problem.Column, problem.Value));
        Assert.Contains("withdrawn as entered in error", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_outside_the_term_is_refused_and_one_inside_at_either_end_is_taken()
    {
        var columns = Standard.Select(s => (s.Header, s.Field, (int?)null))
            .Append(("2024/25", ImportField.YearValue, 2024)).Append(("2025/26", ImportField.YearValue, 2025))
            .Append(("2027/28", ImportField.YearValue, 2027)).Append(("2028/29", ImportField.YearValue, 2028)).ToArray();
        var headers = columns.Select(c => c.Item1).ToList();

        var plan = await PlanAsync(Table(headers,
            Row("SC-1").Concat(["", "100", "", ""]).ToArray(),
            Row("SC-2").Concat(["", "", "100", ""]).ToArray(),
            Row("SC-3").Concat(["100", "", "", ""]).ToArray(),
            Row("SC-4").Concat(["", "", "", "100"]).ToArray()), Settings(columns));

        Assert.Equal([RowOutcome.Create, RowOutcome.Create, RowOutcome.Refuse, RowOutcome.Refuse], plan.Rows.Select(r => r.Outcome));
        Assert.Equal(("2024/25", "100"), (plan.Rows[2].Problems[0].Column, plan.Rows[2].Problems[0].Value));
        Assert.Contains("2024/25 is outside the contract's term", plan.Rows[2].Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal("2028/29", plan.Rows[3].Problems[0].Column);
    }

    [Fact]
    public async Task A_refused_row_is_left_out_of_the_commit_and_the_rest_commits()
    {
        var result = await ImportAsync(StandardTable(Row("SC-1"), Row("SC-2", annual: "12k")), StandardSettings());

        Assert.Equal(1, result.Created);
        await using var db = Db();
        Assert.Equal(["SC-1"], await db.Contracts.Select(c => c.Reference).ToListAsync());
        Assert.Equal(1, await db.Set<ImportBatch>().Select(b => b.Refused).SingleAsync());
    }
}
