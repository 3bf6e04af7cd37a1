using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>
/// "Import contracts", step 3: the dry run. What the import would do, row by row, worked out afresh from
/// the kept file, the choices and the register as it is now; nothing is written until "Import contracts".
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class DryRunModel(ImportUploads uploads, ImportPlanner planner, ImportCommitter committer, CommissioningDbContext db) : PageModel
{
    /// <summary>Rows of each table shown on the page; the report has them all.</summary>
    public const int Shown = 200;

    public const string ConflictText = "Changed in the register since the last import: not overwritten";
    public const string OverwrittenText = "Changed in the register since the last import: the file's value will overwrite it";

    public ImportedFile Kept { get; private set; } = null!;
    public ImportPlan Plan { get; private set; } = null!;
    public ImportSettings Settings { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> Providers { get; private set; } = [];

    [BindProperty] public string? Fingerprint { get; set; }
    [BindProperty] public List<ProviderAnswer> ProviderAnswers { get; set; } = [];

    public sealed class ProviderAnswer
    {
        public string Name { get; set; } = "";
        /// <summary>"new" or "existing".</summary>
        public string? Choice { get; set; }
        public string? ExistingId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        await PlanAsync(id, ct);
        return Page();
    }

    /// <summary>"Import contracts": commits what the dry run showed, unless the register or the choices changed since.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var result = await committer.CommitAsync(Kept.Table!, Settings, Fingerprint ?? "", User.AsActor(), ct);
        if (!result.Committed)
        {
            ModelState.AddModelError("", result.Refusal ?? "The import could not be made. Nothing was imported.");
            await PlanAsync(id, ct, record: false);
            return Page();
        }
        // Outside the import's transaction: were this lost, committing again is refused anyway (the register changed since the dry run).
        await uploads.SetCommittedAsync(id, UserId, result.BatchId!.Value, ct);
        return RedirectToPage("Done", new { id });
    }

    /// <summary>"Apply provider choices": each unmatched provider created or mapped to one the register has; the dry run runs again.</summary>
    public async Task<IActionResult> OnPostProvidersAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var known = Providers.Select(p => p.Value).ToHashSet();
        var choices = Settings.ProviderChoices.ToDictionary(c => c.Name, StringComparer.Ordinal);
        for (var i = 0; i < ProviderAnswers.Count; i++)
        {
            var answer = ProviderAnswers[i];
            if (answer.Choice == "existing")
            {
                if (answer.ExistingId is { } chosen && known.Contains(chosen))
                    choices[answer.Name] = new ProviderChoice(answer.Name, int.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture));
                else
                    ModelState.AddModelError($"ProviderAnswers[{i}].ExistingId", $"Choose the provider \u201c{answer.Name}\u201d is, or create a new one");
            }
            else
                choices[answer.Name] = new ProviderChoice(answer.Name, null);
        }
        if (!ModelState.IsValid)
        {
            await PlanAsync(id, ct, record: false);
            return Page();
        }
        await uploads.SetSettingsAsync(id, UserId, Settings with { ProviderChoices = choices.Values.ToList() }, ct);
        TempData[SuccessBanner.MessageKey] = "Provider choices applied: the dry run below uses them";
        return RedirectToPage(new { id });
    }

    /// <summary>"Apply" under the conflicts: take the file's values over changes made in the app since the last import, or not.</summary>
    public async Task<IActionResult> OnPostOverwriteAsync(int id, bool overwrite, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        await uploads.SetSettingsAsync(id, UserId, Settings with { OverwriteAppChanges = overwrite }, ct);
        TempData[SuccessBanner.MessageKey] = overwrite
            ? "The file's values will overwrite the changes made in the app: the dry run below shows them"
            : "Changes made in the app will be kept: the dry run below shows them";
        return RedirectToPage(new { id });
    }

    /// <summary>"Download report (CSV)": every row's outcome, problem, change and notice.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var plan = await planner.PlanAsync(Kept.Table!, Settings, ct);
        return this.Download(ImportReport.Build(plan, Kept.Upload.FileName), "csv");
    }

    private string UserId => User.AsActor().UserId;

    /// <summary>The dry run afresh; <paramref name="record"/>: kept with the upload (a GET), not when re-shown after a refused post, which writes nothing.</summary>
    private async Task PlanAsync(int id, CancellationToken ct, bool record = true)
    {
        Plan = await planner.PlanAsync(Kept.Table!, Settings, ct);
        if (record) await uploads.SetDryRunAsync(id, UserId, Plan.Fingerprint, ct);
        Fingerprint = Plan.Fingerprint;
        ModelState.Remove(nameof(Fingerprint));
        var chosen = Settings.ProviderChoices.ToDictionary(c => c.Name, StringComparer.Ordinal);
        ProviderAnswers = Plan.UnmatchedProviders.Select(p => new ProviderAnswer
        {
            Name = p.Name,
            Choice = chosen.TryGetValue(p.Name, out var c) && c.ExistingProviderId is not null ? "existing" : "new",
            ExistingId = chosen.TryGetValue(p.Name, out c) ? c.ExistingProviderId?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }).ToList();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await ImportedFile.LoadAsync(uploads, id, UserId, ct) is not { } file) return NotFound();
        if (file.Upload.CommittedBatchId is not null) return RedirectToPage("Done", new { id });
        if (file.Table is null || file.Upload.Settings is null) return RedirectToPage("Mapping", new { id });
        Kept = file;
        Settings = file.Upload.Settings;
        Providers = (await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name)).ToList();
        return null;
    }

    /// <summary>What "Import contracts" will do, in one sentence.</summary>
    public string WhatWillHappen()
    {
        static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
        var changes = new List<string>();
        if (Plan.Count(RowOutcome.Create) > 0) changes.Add($"{Count(Plan.Count(RowOutcome.Create), "contract", "contracts")} will be created");
        if (Plan.Count(RowOutcome.Update) > 0) changes.Add($"{Count(Plan.Count(RowOutcome.Update), "contract", "contracts")} updated");
        var left = new List<string>();
        if (Plan.Count(RowOutcome.Refuse) > 0) left.Add(Count(Plan.Count(RowOutcome.Refuse), "refused row", "refused rows"));
        if (Plan.Count(RowOutcome.Skip) > 0) left.Add(Count(Plan.Count(RowOutcome.Skip), "skipped row", "skipped rows"));
        var sentence = changes.Count > 0 ? string.Join(", ", changes) : "No contract will be created or updated";
        if (left.Count > 0) sentence += $"; {string.Join(" and ", left)} will not be imported";
        var conflicts = Conflicts.Count;
        if (conflicts > 0)
            sentence += $"; {Count(conflicts, "change", "changes")} made in the register since the last import will be {(Settings.OverwriteAppChanges ? "overwritten" : "kept")}";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    public bool WillChange => Plan.Count(RowOutcome.Create) + Plan.Count(RowOutcome.Update) > 0;

    public IReadOnlyList<(PlannedRow Row, FieldChange Change)> Conflicts =>
        Plan.Rows.SelectMany(r => r.Changes.Where(c => c.IsConflict).Select(c => (r, c))).ToList();

    public IEnumerable<(PlannedRow Row, FieldChange Change)> Updates =>
        Plan.Rows.Where(r => r.Outcome == RowOutcome.Update || r.Changes.Any(c => c.IsConflict)).SelectMany(r => r.Changes.Select(c => (r, c)));

    public IEnumerable<RowProblem> Problems(RowOutcome outcome) => Plan.Rows.Where(r => r.Outcome == outcome).SelectMany(r => r.Problems);

    public IEnumerable<(int Row, string Notice)> Notices =>
        Plan.Rows.SelectMany(r => r.Notices.Select(n => (r.RowNumber, n)));
}
