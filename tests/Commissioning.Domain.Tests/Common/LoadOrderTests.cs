using System.Reflection;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Common;

/// <summary>
/// A database returns rows in whatever order it likes unless told otherwise (SQL Server may, SQLite rarely does), so an
/// aggregate must not read meaning into where a part sits in its list. Each test builds the aggregate, shuffles its
/// backing list as a load in another order would, and checks it still answers by number (decision 0022).
/// </summary>
public sealed class LoadOrderTests
{
    private static readonly Actor Secretary = new("u7", "board.secretary@demo.test");
    private static readonly DateTime At = new(2021, 2, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = Days.On(2021, 2, 22);

    /// <summary>Every ordering of the list's items but the one it has, applied to the private field in turn.</summary>
    private static IEnumerable<List<T>> OtherOrders<T>(object owner, string field)
    {
        var type = owner.GetType();
        while (type.GetField(field, BindingFlags.Instance | BindingFlags.NonPublic) is null) type = type.BaseType!;
        var list = (List<T>)type.GetField(field, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(owner)!;
        var original = list.ToList();
        foreach (var order in Permutations(original).Skip(1))
        {
            list.Clear();
            list.AddRange(order);
            yield return list;
        }
        list.Clear();
        list.AddRange(original);
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items) =>
        items.Count <= 1 ? [items.ToList()]
        : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => new List<T> { item }.Concat(rest).ToList()));

    /// <summary>Versions 1 and 2 issued, version 3 a draft.</summary>
    private static (CoverSheet Sheet, ContractDecision Decision) SheetWithTwoIssuedAndADraft()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var sheet = CoverSheet.Create(meeting, item, decision, Gov.CompletePersonaSheet());
        sheet.Issue(decision, Secretary, At, Today);
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Corrected the Cabinet date." });
        sheet.Issue(decision, Secretary, At.AddDays(1), Today.AddDays(1));
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Work in progress" });
        return (sheet, decision);
    }

    [Fact]
    public void A_cover_sheet_picks_its_current_draft_and_latest_issued_version_by_number_in_any_order()
    {
        var (sheet, _) = SheetWithTwoIssuedAndADraft();

        var orders = 0;
        foreach (var _ in OtherOrders<CoverSheetVersion>(sheet, "_versions"))
        {
            orders++;
            Assert.Equal(3, sheet.Current.Number);
            Assert.Equal(3, sheet.Draft!.Number);
            Assert.Equal(2, sheet.LatestIssued!.Number);
            Assert.Equal([1, 2], sheet.IssuedVersions.Select(v => v.Number));
            Assert.Equal([1, 2, 3], sheet.Versions.Select(v => v.Number));
        }
        Assert.Equal(5, orders);
    }

    [Fact]
    public void A_cover_sheet_edited_after_an_issue_copies_the_latest_issued_version_whatever_the_order()
    {
        var (sheet, decision) = SheetWithTwoIssuedAndADraft();
        sheet.Issue(decision, Secretary, At.AddDays(2), Today.AddDays(2));
        // Left in an order where version 3 is not last, as a load might leave it.
        _ = OtherOrders<CoverSheetVersion>(sheet, "_versions").First(l => l[^1].Number != 3);

        var next = sheet.Edit(sheet.Current.Content with { Title = "Fourth" });

        Assert.Equal(4, next.Number);
        Assert.Equal("Work in progress", next.AdditionalDetails);
        Assert.Equal(4, sheet.Draft!.Number);
        Assert.Equal(3, sheet.LatestIssued!.Number);
    }

    [Fact]
    public void A_contract_uses_and_lists_its_extension_options_by_sequence_in_any_order()
    {
        var contract = A.Block().WithOption(12).WithOption(6).WithOption(3).Build();
        contract.ExerciseNextOption();

        foreach (var _ in OtherOrders<ExtensionOption>(contract, "_extensionOptions"))
        {
            Assert.Equal(2, contract.NextExtensionOption()!.Sequence);
            Assert.Equal([1, 2, 3], contract.ExtensionOptions.Select(o => o.Sequence));
            Assert.Equal([true, false, false], contract.ExtensionOptions.Select(o => o.IsExercised));
        }
    }
}
