using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// A cover sheet not about a contract decision (the LCO paper) survives a save and a read: no
/// decision, Governance and Reporting rows typed by hand, an answer with several boxes ticked, and
/// the version recorded from the paper.
/// </summary>
public sealed class CoverSheetForAnyItemPersistenceTests : IAsyncLifetime
{
    private static readonly DateOnly MeetingDay = new(2020, 10, 5);
    private static readonly GovernanceRow LcoBoard = new("LCO Board", new DateOnly(2020, 9, 10), StepOutcome.Approved);

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2020, 9, 28, 9, 0, 0, DateTimeKind.Utc));

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private static CoverSheetContent Lco() => new()
    {
        Action = GovernanceAction.Consider,
        PresentedBy = "Will Blandamer, Executive Director of Strategic Commissioning",
        Author = "Will Blandamer, Executive Director of Strategic Commissioning",
        ExecutiveSummary = "The purpose of this paper is to consider the organisational form for the Local Care Organisation (LCO) in Bury.",
        Recommendations = ["is invited to note the next steps being taken and to provide comment."],
        Answers =
        [
            ImplicationAnswer.TickAsThePaperHasIt(ImplicationQuestions.PublicPatientServiceUser, YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable),
            ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes),
        ],
    };

    private async Task<int> SeedAsync()
    {
        await using var db = _database.NewContext(_alice);
        var scb = new DecisionBody("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard);
        db.DecisionBodies.Add(scb);
        await db.SaveChangesAsync();
        var meeting = new Meeting(scb, MeetingDay);
        var item = meeting.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider, "17");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();

        var sheet = CoverSheet.Create(meeting, item, Lco());
        sheet.SetGovernanceRows([LcoBoard]);
        db.CoverSheets.Add(sheet);
        await db.SaveChangesAsync();
        sheet.RecordAsIssued(null, new Actor("user-1", "Daniel Hughes"), _alice.UtcNow);
        await db.SaveChangesAsync();
        return sheet.Id;
    }

    [Fact]
    public async Task A_sheet_without_a_decision_round_trips_with_its_rows_its_ticks_and_how_it_was_issued()
    {
        var id = await SeedAsync();

        await using var check = _database.NewContext();
        var sheet = await check.CoverSheets.SingleAsync(s => s.Id == id);
        Assert.Null(sheet.ContractDecisionId);
        var v1 = Assert.Single(sheet.Versions);
        Assert.True(v1.IsIssued);
        Assert.True(v1.RecordedFromPaper);
        Assert.Equal([LcoBoard], v1.Governance);
        var pps = v1.Answer(ImplicationQuestions.PublicPatientServiceUser)!;
        Assert.Equal([YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable], pps.Ticked);
        Assert.Null(pps.Choice);
        Assert.Equal(ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes), v1.Answer(ImplicationQuestions.ScrutinyInterest));
    }

    [Fact]
    public async Task The_answers_column_holds_only_what_an_answer_is_made_of()
    {
        var id = await SeedAsync();

        await using var check = _database.NewContext();
        var json = await check.Database.SqlQueryRaw<string>("SELECT Answers AS Value FROM CoverSheetVersions WHERE CoverSheetId = {0}", id).SingleAsync();
        Assert.Contains("\"ticks\":[\"Yes\",\"No\",\"NotApplicable\"]", json);
        Assert.DoesNotContain("ticked", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SeveralTicked", json, StringComparison.OrdinalIgnoreCase);
        // One "ticks" only: a single-box answer stores its choice and nothing more.
        Assert.Equal(1, json.Split("\"ticks\"").Length - 1);
    }

    [Fact]
    public async Task Reloading_an_unchanged_sheet_with_several_ticks_saves_nothing()
    {
        var id = await SeedAsync();

        await using var db = _database.NewContext(_alice);
        var sheet = await db.CoverSheets.SingleAsync(s => s.Id == id);
        var version = sheet.Version;
        db.ChangeTracker.DetectChanges();

        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Equal(0, await db.SaveChangesAsync());
        Assert.Equal(version, sheet.Version);
    }

    [Fact]
    public async Task Next_version_keeps_the_ticks_when_the_form_leaves_the_question_unanswered()
    {
        var id = await SeedAsync();
        await using (var db = _database.NewContext(_alice))
        {
            var sheet = await db.CoverSheets.SingleAsync(s => s.Id == id);
            sheet.Edit(sheet.Current.Content with { Answers = [], AdditionalDetails = "Version 2" });
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.CoverSheets.SingleAsync(s => s.Id == id);
        Assert.Equal(2, stored.Current.Number);
        Assert.False(stored.Current.RecordedFromPaper);
        Assert.True(stored.Current.Answer(ImplicationQuestions.PublicPatientServiceUser)!.IsSeveralTicked);
        Assert.Null(stored.Current.Answer(ImplicationQuestions.ScrutinyInterest));
    }
}
