using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The PeopleByName migration on a SQLite register holding rows as the app wrote them before it: accounts with and
/// without a display name, free-text directorates and commissioners, and sign-in addresses where people are named.
/// </summary>
public sealed class PeopleMigrationTests : IDisposable
{
    private const string Before = "20261123192241_CoverSheetSummaryLength";
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task MigrateAsync()
    {
        await using var db = _database.NewContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    private async Task ArrangeOldRegisterAsync()
    {
        await using var db = _database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(Before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO AspNetUsers (Id, DisplayName, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES
              ('u-julie', 'Julie Gonda (interim)', 'julie.gonda@council.test', 'JULIE.GONDA@COUNCIL.TEST', 'julie.gonda@council.test', 'JULIE.GONDA@COUNCIL.TEST', 1, 0, 0, 1, 0),
              ('u-jo', '', 'jo.smith-jones@council.test', 'JO.SMITH-JONES@COUNCIL.TEST', 'jo.smith-jones@council.test', 'JO.SMITH-JONES@COUNCIL.TEST', 1, 0, 0, 1, 0),
              ('u-sam1', 'Sam Lee', 'sam.lee@council.test', 'SAM.LEE@COUNCIL.TEST', 'sam.lee@council.test', 'SAM.LEE@COUNCIL.TEST', 1, 0, 0, 1, 0),
              ('u-sam2', 'Sam Lee', 'sam.lee2@council.test', 'SAM.LEE2@COUNCIL.TEST', 'sam.lee2@council.test', 'SAM.LEE2@COUNCIL.TEST', 1, 0, 0, 1, 0),
              ('u-svc', '  ', 'importer', 'IMPORTER', NULL, NULL, 1, 0, 0, 1, 0);
            INSERT INTO Providers (Id, Name, OrganisationType, IsSme, IsVcse, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version)
            VALUES (1, 'Riverside Day Opportunities', 'Vcse', 1, 1, '2024-01-01 00:00:00', 'system', '2024-02-01 00:00:00', 'Julie.Gonda@council.test', '6F9619FF-8B86-D011-B42D-00C04FC96401');
            INSERT INTO Contracts (Id, Reference, Title, ServiceCategory, Directorate, ResponsibleCommissioner, ProcurementRoute, IsKeyDecision, Confidentiality,
                StartDate, InitialEndDate, NoticePeriodMonths, CurrentEndDate, MaximumEndDate, ProviderId, CommissioningForm,
                CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version, WithdrawnAtUtc, WithdrawalReason, WithdrawnById, WithdrawnByName) VALUES
              (1, 'SC-2024-0001', 'Matched', 'Other', 'Adult Social Care', ' julie GONDA ', 'OpenTender', 0, 'Open', '2024-04-01', '2027-03-31', 3, '2027-03-31', '2027-03-31', 1, 'Block',
               '2024-01-01 00:00:00', 'julie.gonda@council.test', '2024-02-01 00:00:00', 'jo.smith-jones@council.test', '6F9619FF-8B86-D011-B42D-00C04FC96402', NULL, NULL, NULL, NULL),
              (2, 'SC-2024-0002', 'Historic', 'Other', '  adult social care ', 'J. Smith', 'OpenTender', 0, 'Open', '2024-04-01', '2027-03-31', 3, '2027-03-31', '2027-03-31', 1, 'Block',
               '2024-01-01 00:00:00', 'system', '2024-01-01 00:00:00', 'system', '6F9619FF-8B86-D011-B42D-00C04FC96403', '2024-03-01 00:00:00', 'Entered twice', 'u-jo', 'jo.smith-jones@council.test'),
              (3, 'SC-2024-0003', 'Two people share the name', 'Other', 'Children''s Services', 'Sam Lee', 'OpenTender', 0, 'Open', '2024-04-01', '2027-03-31', 3, '2027-03-31', '2027-03-31', 1, 'Block',
               '2024-01-01 00:00:00', 'someone.gone@council.test', '2024-01-01 00:00:00', 'system', '6F9619FF-8B86-D011-B42D-00C04FC96404', NULL, NULL, NULL, NULL),
              (4, 'SC-2024-0004', 'Nothing typed', 'Other', '', '', 'OpenTender', 0, 'Open', '2024-04-01', '2027-03-31', 3, '2027-03-31', '2027-03-31', 1, 'Block',
               '2024-01-01 00:00:00', 'system', '2024-01-01 00:00:00', 'system', '6F9619FF-8B86-D011-B42D-00C04FC96405', NULL, NULL, NULL, NULL);
            INSERT INTO AuditEntries (EntityType, EntityId, Action, Changes, ChangedBy, ChangedAtUtc) VALUES
              ('Contract', 1, 'Created', '[]', 'julie.gonda@council.test', '2024-01-01 00:00:00'),
              ('Contract', 1, 'Updated', '[]', 'someone.gone@council.test', '2024-01-02 00:00:00');
            INSERT INTO ContractEvents (ContractId, EventDate, Reason, RecordedById, RecordedByName, RecordedAtUtc, EventKind, OptionSequence, Months)
            VALUES (1, '2026-01-01', 'Performs well', 'u-julie', 'julie.gonda@council.test', '2026-01-01 10:00:00', 'ExtensionExercised', 1, 12);
            INSERT INTO AnnualValueReviews (ContractId, FinancialYearStart, AnnualPence, YearValuePence, ProRataBasis, ProRataPortion, ProRataWhole, SavingsPence, UpliftPence,
                ConsideredOutcomes, ConsideredPerformance, ConsideredDemandManagement, ConsideredSavingsPressures, UpliftKind, Narrative, Origin, Status,
                ProposedById, ProposedBy, ProposedAtUtc, DecidedById, DecidedBy, DecidedAtUtc, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version)
            VALUES (1, 2025, 100, 100, 'Days', 365, 365, 0, 0, 0, 0, 0, 0, 'None', 'Opening value', 'Review', 'Agreed',
                'u-jo', 'jo.smith-jones@council.test', '2025-03-01 00:00:00', 'u-julie', 'Julie Gonda (interim)', '2025-03-02 00:00:00',
                '2025-03-01 00:00:00', 'jo.smith-jones@council.test', '2025-03-02 00:00:00', 'julie.gonda@council.test', '6F9619FF-8B86-D011-B42D-00C04FC96406');
            """);
    }

    [SqliteOnlyFact("upgrades a register from the SQLite migration before PeopleByName, arranged with SQLite's SQL")]
    public async Task Accounts_without_a_display_name_are_named_from_their_address_and_the_others_keep_theirs()
    {
        await ArrangeOldRegisterAsync();

        await MigrateAsync();

        await using var db = _database.NewContext();
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        // "jo.smith-jones@…": dots and hyphens become spaces, each word capitalised.
        Assert.Equal("Jo Smith Jones", names["u-jo"]);
        Assert.Equal("Julie Gonda (interim)", names["u-julie"]);
        Assert.Equal("Sam Lee", names["u-sam1"]);
        // No address to take a name from: the sign-in name stands in.
        Assert.Equal("importer", names["u-svc"]);
    }

    [SqliteOnlyFact("upgrades a register from the SQLite migration before PeopleByName, arranged with SQLite's SQL")]
    public async Task Free_text_directorates_become_the_list_one_per_name_whatever_its_case_and_each_contract_points_at_its_own()
    {
        await ArrangeOldRegisterAsync();

        await MigrateAsync();

        await using var db = _database.NewContext();
        var list = await db.Directorates.OrderBy(d => d.Name).ToListAsync();
        // "Adult Social Care" and "  adult social care " are one directorate; a blank one becomes "Not recorded".
        Assert.Equal(["Adult Social Care", "Children's Services", "Not recorded"], list.Select(d => d.Name));
        Assert.All(list, d => Assert.False(d.IsRetired));
        Assert.All(list, d => Assert.NotEqual(Guid.Empty, d.Version));
        var byName = list.ToDictionary(d => d.Name, d => d.Id);
        var contracts = await db.Contracts.OrderBy(c => c.Id).Select(c => c.DirectorateId).ToListAsync();
        Assert.Equal([byName["Adult Social Care"], byName["Adult Social Care"], byName["Children's Services"], byName["Not recorded"]], contracts);
    }

    [SqliteOnlyFact("upgrades a register from the SQLite migration before PeopleByName, arranged with SQLite's SQL")]
    public async Task A_commissioner_matching_one_users_display_name_becomes_that_user_and_any_other_name_is_kept_as_historic()
    {
        await ArrangeOldRegisterAsync();

        await MigrateAsync();

        await using var db = _database.NewContext();
        var rows = await db.Contracts.OrderBy(c => c.Id).Select(c => new { c.ResponsibleCommissionerId, c.HistoricCommissionerName }).ToListAsync();
        // " julie GONDA " is Julie Gonda (interim): case, spaces and her bracketed note aside.
        Assert.Equal(("u-julie", (string?)null), (rows[0].ResponsibleCommissionerId, rows[0].HistoricCommissionerName));
        // Nobody is called J. Smith: the name stays, as a historic name.
        Assert.Equal((null, "J. Smith"), (rows[1].ResponsibleCommissionerId, rows[1].HistoricCommissionerName));
        // Two users are called Sam Lee: neither is guessed.
        Assert.Equal((null, "Sam Lee"), (rows[2].ResponsibleCommissionerId, rows[2].HistoricCommissionerName));
        // Nothing was typed: nothing to keep.
        Assert.Equal(((string?)null, (string?)null), (rows[3].ResponsibleCommissionerId, rows[3].HistoricCommissionerName));
    }

    [SqliteOnlyFact("upgrades a register from the SQLite migration before PeopleByName, arranged with SQLite's SQL")]
    public async Task Sign_in_addresses_of_known_users_where_people_are_named_become_their_display_names_with_their_ids()
    {
        await ArrangeOldRegisterAsync();

        await MigrateAsync();

        await using var db = _database.NewContext();
        var matched = await db.Contracts.SingleAsync(c => c.Id == 1);
        // The address matched whatever its case ("Julie.Gonda@…" on the provider).
        Assert.Equal(("Julie Gonda (interim)", "u-julie", "Jo Smith Jones", "u-jo"), (matched.CreatedBy, matched.CreatedById, matched.UpdatedBy, matched.UpdatedById));
        var withdrawn = await db.Contracts.SingleAsync(c => c.Id == 2);
        Assert.Equal(("system", (string?)null, "Jo Smith Jones", "u-jo"), (withdrawn.CreatedBy, withdrawn.CreatedById, withdrawn.WithdrawnByName, withdrawn.WithdrawnById));
        var provider = await db.Providers.SingleAsync();
        Assert.Equal(("Julie Gonda (interim)", "u-julie"), (provider.UpdatedBy, provider.UpdatedById));
        var recorded = await db.ContractEvents.SingleAsync();
        Assert.Equal(("Julie Gonda (interim)", "u-julie"), (recorded.RecordedByName, recorded.RecordedById));
        var review = await db.AnnualValueReviews.SingleAsync();
        Assert.Equal(("Jo Smith Jones", "Julie Gonda (interim)", "Jo Smith Jones", "Julie Gonda (interim)"),
            (review.ProposedBy, review.DecidedBy, review.CreatedBy, review.UpdatedBy));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.ChangedBy, a.ChangedById }).ToListAsync();
        Assert.Equal(("Julie Gonda (interim)", "u-julie"), (audit[0].ChangedBy, audit[0].ChangedById));
        // An address that is no user's is left as it was: there is no name to give it.
        Assert.Equal(("someone.gone@council.test", (string?)null), (audit[1].ChangedBy, audit[1].ChangedById));
        Assert.Equal("someone.gone@council.test", (await db.Contracts.SingleAsync(c => c.Id == 3)).CreatedBy);
    }

    [SqliteOnlyFact("upgrades a register from the SQLite migration before PeopleByName, arranged with SQLite's SQL")]
    public async Task Migrating_back_puts_the_directorate_and_commissioner_back_as_text()
    {
        await ArrangeOldRegisterAsync();
        await MigrateAsync();

        await using (var db = _database.NewContext())
            await db.GetService<IMigrator>().MigrateAsync(Before);

        await using var check = _database.NewContext();
        var rows = await check.Database.SqlQueryRaw<TextColumns>("SELECT Directorate, ResponsibleCommissioner FROM Contracts ORDER BY Id").ToListAsync();
        Assert.Equal(
            [new("Adult Social Care", "Julie Gonda (interim)"), new("Adult Social Care", "J. Smith"), new("Children's Services", "Sam Lee"), new("Not recorded", "")],
            rows);
    }

    private sealed record TextColumns(string Directorate, string ResponsibleCommissioner);
}
