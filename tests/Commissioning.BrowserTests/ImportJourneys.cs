using System.Text;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>The import's mapping page as a <see cref="FormJourney"/>: its secondary buttons must keep every choice, and "Run dry run" use them.</summary>
public static partial class FormJourneys
{
    /// <summary>References unique to one run of a journey: "FJ" and the run's marker.</summary>
    private static string Prefix(Journey run) => "FJ" + run.Marker[^6..].ToUpperInvariant();

    private static FormJourney MapColumns => new("Match the columns", ["Match the columns", "Match the columns: error summary"], AppPages.Commissioner,
        Open: async (page, run) => await ImportFiles.UploadAsync(page, Prefix(run) + ".csv", Encoding.UTF8.GetBytes(ImportFiles.Csv(Prefix(run)))),
        FillValidly: async (page, run) =>
        {
            await ImportFiles.ColumnField(page, "Contract ref").SelectOptionAsync(new SelectOptionValue { Label = "Reference" });
            await ImportFiles.ColumnField(page, ImportFiles.UnknownDirectorateHeading).SelectOptionAsync(new SelectOptionValue { Label = "Directorate" });
            await Fill.FieldAsync(page, "Save this mapping as", run.Marker);
        },
        // Nothing chosen as the reference: contracts could not be matched.
        MakeInvalid: async (page, _) => await ImportFiles.ColumnField(page, "Contract ref").SelectOptionAsync(new SelectOptionValue { Label = "Do not import" }),
        Secondary:
        [
            new("Save mapping", async page =>
            {
                await Assertions.Expect(ImportFiles.ColumnField(page, ImportFiles.UnknownDirectorateHeading)).ToHaveValueAsync("Directorate");
                var saved = await page.GetByLabel("Save this mapping as", new() { Exact = true }).InputValueAsync();
                await page.GetByLabel("Use a saved mapping", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = saved });
            }),
            new("Use mapping", async page =>
                await Assertions.Expect(ImportFiles.ColumnField(page, ImportFiles.UnknownDirectorateHeading)).ToHaveValueAsync("Directorate")),
        ],
        Main: "Run dry run",
        Kept: ("Save this mapping as", run => run.Marker),
        // Without the directorate column mapped every row would be refused (no default directorate was chosen).
        ReadBack: async (page, _) =>
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dry run", Exact = true })).ToBeVisibleAsync();
            Assert.Equal("2", await ImportFiles.CountAsync(page, "To create"));
        });

    private static FormJourney MapWorkbook => new("Match the columns of a workbook", ["Match the columns: workbook of several sheets"], AppPages.Commissioner,
        Open: async (page, run) => await ImportFiles.UploadAsync(page, Prefix(run) + ".xlsx", ImportFiles.Workbook(Prefix(run))),
        FillValidly: async (page, run) =>
        {
            await page.GetByLabel("Sheet", new() { Exact = true }).SelectOptionAsync("Contracts");
            await Fill.FieldAsync(page, "Default directorate for rows without one", "Adult Social Care");
            await Fill.FieldAsync(page, "Save this mapping as", run.Marker);
        },
        // The first sheet (notes) has no column to take as the reference.
        MakeInvalid: (_, _) => Task.CompletedTask,
        Secondary:
        [
            new("Use this sheet", async page =>
            {
                await Assertions.Expect(ImportFiles.ColumnField(page, "Contract ref")).ToHaveValueAsync("Reference");
                await Assertions.Expect(page.GetByLabel("Default directorate for rows without one")).Not.ToHaveValueAsync("");
            }),
        ],
        Main: "Run dry run",
        Kept: ("Save this mapping as", run => run.Marker),
        ReadBack: async (page, _) =>
        {
            await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("sheet \u201cContracts\u201d");
            Assert.Equal("2", await ImportFiles.CountAsync(page, "To create"));
        });
}
