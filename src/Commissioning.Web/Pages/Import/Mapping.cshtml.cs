using System.Globalization;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>
/// "Import contracts", step 2: what each column of the file holds, proposed from its heading or taken
/// from a saved mapping, and what a row that does not say takes (form, directorate). The secondary
/// buttons (another sheet, a saved mapping, saving this one) come back to this page with every choice kept.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class MappingModel(ImportUploads uploads, SavedMappings saved, CommissioningDbContext db) : PageModel
{
    public const int SampleCount = 3;

    [BindProperty] public MappingForm Input { get; set; } = new();

    public ImportedFile Kept { get; private set; } = null!;
    public ImportTable Table => Kept.Table!;
    public IReadOnlyList<(string Value, string Text)> Directorates { get; private set; } = [];
    public IReadOnlyList<string> SavedNames { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Commissioners { get; private set; } = [];
    /// <summary>Said after a secondary button did what it was asked.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (Kept.Upload.CommittedBatchId is not null) return RedirectToPage("Done", new { id });
        if (Kept.Upload.Settings is { } settings && settings.Mapping.Columns.Count == Table.Headers.Count
            && settings.Mapping.Columns.Select(c => c.Header).SequenceEqual(Table.Headers))
        {
            Input.TakeMapping(settings.Mapping, Table.Headers.Count);
            Input.TakeDefaults(settings.Defaults);
        }
        else
            Input.TakeMapping(ImportColumns.Propose(Table.Headers), Table.Headers.Count);
        Input.Sheet = Table.SheetName;
        Done = TempData["ImportDone"] as string;
        // After "Save mapping" the name typed stays in its box, as everything else typed does.
        if (TempData["ImportSavedAs"] is string savedAs) Input.SaveAs = savedAs;
        return Page();
    }

    /// <summary>"Run dry run": keeps the choices with the upload and shows what the import would do.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (!Valid()) return Page();
        var choices = Kept.Upload.Settings?.ProviderChoices ?? [];
        await uploads.SetSettingsAsync(id, UserId, new ImportSettings(Input.Mapping(Table.Headers), Input.Defaults(), choices), ct);
        return RedirectToPage("DryRun", new { id });
    }

    /// <summary>"Use this sheet": reads the chosen sheet of a workbook; its columns are proposed afresh, the defaults kept.</summary>
    public async Task<IActionResult> OnPostSheetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        if (Input.Sheet is not { } sheet || !Table.SheetNames.Contains(sheet))
        {
            ModelState.AddModelError("Input.Sheet", "Choose a sheet from the list");
            Input.TakeMapping(ImportColumns.Propose(Table.Headers), Table.Headers.Count);
            return Page();
        }
        var options = Kept.Upload.ReadOptions with { SheetName = sheet };
        var content = await uploads.ContentAsync(id, UserId, ct);
        var read = ImportedFile.Read(Kept.Upload, content!, options);
        if (read.Refusal is { } refusal)
        {
            ModelState.AddModelError("Input.Sheet", refusal);
            Input.TakeMapping(ImportColumns.Propose(Table.Headers), Table.Headers.Count);
            return Page();
        }
        await uploads.SetReadOptionsAsync(id, UserId, options, ct);
        Kept = read;
        Input.TakeMapping(ImportColumns.Propose(Table.Headers), Table.Headers.Count);
        Done = $"Reading sheet \u201c{sheet}\u201d: its columns are below";
        return Page();
    }

    /// <summary>"Use mapping": a saved mapping applied to this file's headings, by name; the defaults are kept.</summary>
    public async Task<IActionResult> OnPostUseMappingAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.SavedMapping) || await saved.ApplyAsync(Input.SavedMapping, Table.Headers, ct) is not { } mapping)
        {
            ModelState.AddModelError("Input.SavedMapping", "Choose a saved mapping from the list");
            return Page();
        }
        Input.TakeMapping(mapping, Table.Headers.Count);
        Done = $"Columns mapped as in \u201c{Input.SavedMapping}\u201d";
        return Page();
    }

    /// <summary>"Save mapping": keeps the columns chosen under a name, for the next file in this layout, and with this upload.</summary>
    public async Task<IActionResult> OnPostSaveMappingAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var name = Input.SaveAs?.Trim() ?? "";
        if (name.Length == 0)
            ModelState.AddModelError("Input.SaveAs", "Enter a name to save the mapping as, like \u201cNHSBSA contracts\u201d");
        else if (name.Length > MappingForm.MappingNameMaxLength)
            ModelState.AddModelError("Input.SaveAs", $"The mapping's name must be {MappingForm.MappingNameMaxLength} characters or fewer");
        if (!Valid()) return Page();
        await saved.SaveAsync(name, Input.Mapping(Table.Headers), UserId, ct);
        // A save answers with a redirect (the page then shows the choices kept with the upload), so a refresh saves nothing twice.
        var choices = Kept.Upload.Settings?.ProviderChoices ?? [];
        await uploads.SetSettingsAsync(id, UserId, new ImportSettings(Input.Mapping(Table.Headers), Input.Defaults(), choices), ct);
        TempData["ImportDone"] = $"Mapping saved as \u201c{name}\u201d";
        TempData["ImportSavedAs"] = name;
        return RedirectToPage(new { id });
    }

    private string UserId => User.AsActor().UserId;

    private bool Valid()
    {
        foreach (var (key, message) in Input.Check(Table.Headers, Directorates.Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).ToList(),
                     Commissioners.Select(c => c.Value).ToList()))
            ModelState.AddModelError(key, message);
        return ModelState.IsValid;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await ImportedFile.LoadAsync(uploads, id, UserId, ct) is not { } file) return NotFound();
        // A kept file was read once already; if it cannot be now (a reader changed), start again with it.
        if (file.Table is null)
        {
            TempData["ImportProblem"] = file.Refusal;
            return RedirectToPage("Index");
        }
        Kept = file;
        Directorates = (await db.Directorates.AsNoTracking().Where(d => d.RetiredAtUtc == null).OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id.ToString(CultureInfo.InvariantCulture), d.Name)).ToList();
        SavedNames = await saved.NamesAsync(ct);
        var commissioners = db.UserRoles.Join(db.Roles.Where(r => r.Name == Infrastructure.Identity.Roles.Commissioner), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        Commissioners = (await db.Users.AsNoTracking().Where(u => commissioners.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(u => (u.Id, u.DisplayName)).ToList();
        return null;
    }

    /// <summary>The first few values of a column, for a person to recognise it by.</summary>
    public IReadOnlyList<string> Samples(int column) =>
        Table.Rows.Select(r => r.Cells[column]).Where(v => !string.IsNullOrWhiteSpace(v)).Take(SampleCount).ToList();

    public static IEnumerable<(string Value, string Text)> Fields =>
        Enum.GetValues<ImportField>().Select(f => (f.ToString(), ImportFieldNames.Heading(f)));
}
