using Commissioning.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>Uploads kept between the pages (only their uploader sees them) and mappings saved by name.</summary>
public sealed class ImportUploadsTests : ImportTestBase
{
    private static readonly byte[] Content = "Reference,Title\nSC-1,Day opportunities\n"u8.ToArray();

    private ImportUploads Uploads(Microsoft.EntityFrameworkCore.DbContext db, DateTime? now = null) =>
        new((Data.CommissioningDbContext)db, new FixedTime(now ?? At));

    [Fact]
    public async Task Only_the_uploader_sees_an_upload_and_its_content()
    {
        await using var db = Db();
        var id = await Uploads(db).SaveAsync("C:\\Users\\sarah\\register.csv", Content, new ImportReadOptions(), "user-sarah", default);

        var mine = await Uploads(db).FindAsync(id, "user-sarah", default);
        Assert.NotNull(mine);
        Assert.Equal(("register.csv", Content.LongLength, 64), (mine.FileName, mine.Bytes, mine.Sha256.Length));
        Assert.Equal(Content, await Uploads(db).ContentAsync(id, "user-sarah", default));
        Assert.Null(await Uploads(db).FindAsync(id, "user-daniel", default));
        Assert.Null(await Uploads(db).ContentAsync(id, "user-daniel", default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Uploads(db).SetDryRunAsync(id, "user-daniel", "x", default));
    }

    [Fact]
    public async Task Settings_read_back_as_saved_and_new_settings_or_read_options_clear_the_dry_run()
    {
        await using var db = Db();
        var uploads = Uploads(db);
        var id = await uploads.SaveAsync("register.csv", Content, new ImportReadOptions(), "user-sarah", default);
        var settings = StandardSettings(form: Domain.Contracts.CommissioningForm.Spot, overwrite: true, choices: [new ProviderChoice("New Dawn", 4)]);

        await uploads.SetSettingsAsync(id, "user-sarah", settings, default);
        await uploads.SetDryRunAsync(id, "user-sarah", "fingerprint", default);
        var saved = (await uploads.FindAsync(id, "user-sarah", default))!;
        Assert.Equal("fingerprint", saved.DryRunFingerprint);
        Assert.Equal(settings.Mapping.Columns, saved.Settings!.Mapping.Columns);
        Assert.Equal((settings.Defaults, true), (saved.Settings.Defaults, saved.Settings.OverwriteAppChanges));
        Assert.Equal(settings.ProviderChoices, saved.Settings.ProviderChoices);

        await uploads.SetSettingsAsync(id, "user-sarah", settings, default);
        Assert.Null((await uploads.FindAsync(id, "user-sarah", default))!.DryRunFingerprint);
        await uploads.SetDryRunAsync(id, "user-sarah", "fingerprint", default);
        await uploads.SetReadOptionsAsync(id, "user-sarah", new ImportReadOptions(ImportEncoding.Windows1252), default);
        var reread = (await uploads.FindAsync(id, "user-sarah", default))!;
        Assert.Equal((ImportEncoding.Windows1252, null, null), (reread.ReadOptions.Encoding, reread.DryRunFingerprint, reread.Settings));
    }

    [Fact]
    public async Task Uncommitted_uploads_more_than_a_day_old_are_deleted_on_the_next_upload()
    {
        await using var db = Db();
        var result = await ImportAsync(StandardTable(Row("SC-1")), StandardSettings());
        var committed = await Uploads(db, At.AddDays(-2)).SaveAsync("committed.csv", Content, new(), "user-sarah", default);
        await Uploads(db).SetCommittedAsync(committed, "user-sarah", result.BatchId!.Value, default);
        var old = await Uploads(db, At.AddDays(-1).AddMinutes(-1)).SaveAsync("old.csv", Content, new(), "user-sarah", default);
        var recent = await Uploads(db, At.AddDays(-1).AddMinutes(1)).SaveAsync("recent.csv", Content, new(), "user-sarah", default);

        await Uploads(db).SaveAsync("new.csv", Content, new(), "user-sarah", default);

        await using var check = Db();
        var kept = await check.Set<ImportUpload>().Select(u => u.Id).ToListAsync();
        Assert.DoesNotContain(old, kept);
        Assert.Contains(committed, kept);
        Assert.Contains(recent, kept);
    }

    [Fact]
    public async Task Saving_an_upload_or_a_dry_run_does_not_change_the_registers_version_so_the_commit_goes_ahead()
    {
        var table = StandardTable(Row("SC-1"));
        var plan = await PlanAsync(table, StandardSettings());
        await using (var db = Db())
        {
            var id = await Uploads(db).SaveAsync("register.csv", Content, new(), "user-sarah", default);
            await Uploads(db).SetSettingsAsync(id, "user-sarah", StandardSettings(), default);
            await Uploads(db).SetDryRunAsync(id, "user-sarah", plan.Fingerprint, default);
            await new SavedMappings(db).SaveAsync("Our layout", StandardSettings().Mapping, "user-sarah", default);
        }

        Assert.True((await CommitAsync(table, StandardSettings(), plan.Fingerprint)).Committed);
    }

    [Fact]
    public async Task A_saved_mapping_applies_to_new_headers_by_name_not_position_and_saving_again_replaces_it()
    {
        await using var db = Db();
        var mappings = new SavedMappings(db, new FixedTime(At));
        var mapping = new ColumnMapping([
            new(0, "contract_id", ImportField.Reference), new(1, "vendor", ImportField.ProviderName),
            new(2, "Spend 2024/25", ImportField.YearValue, 2024), new(3, "notes", ImportField.Ignore)]);
        await mappings.SaveAsync("Birmingham", mapping, "user-sarah", default);

        var applied = await mappings.ApplyAsync("Birmingham", ["Vendor", "something new", "CONTRACT_ID ", "Spend 2024/25"], default);

        Assert.NotNull(applied);
        Assert.Equal([ImportField.ProviderName, ImportField.Ignore, ImportField.Reference, ImportField.YearValue], applied.Columns.Select(c => c.Field));
        Assert.Equal([0, 1, 2, 3], applied.Columns.Select(c => c.ColumnIndex));
        Assert.Equal(2024, applied.Columns[3].FinancialYearStart);
        Assert.Null(await mappings.ApplyAsync("Leicester", ["Vendor"], default));

        await mappings.SaveAsync("Birmingham", new ColumnMapping([new(0, "vendor", ImportField.Title)]), "user-sarah", default);
        Assert.Equal(["Birmingham"], await mappings.NamesAsync(default));
        Assert.Equal(ImportField.Title, (await mappings.ApplyAsync("Birmingham", ["vendor"], default))!.Columns[0].Field);
    }
}
