using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleByName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 1. Every account has a display name: one without gets the part of its e-mail address before the @, tidied.
            migrationBuilder.Sql(NameAccountsWithoutOne);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "SavingsTargets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "SavingsTargets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Providers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Providers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Meetings",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Meetings",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "FundingPlans",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "FundingPlans",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "DecisionBodies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "DecisionBodies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "CoverSheets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "CoverSheets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Contracts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DirectorateId",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HistoricCommissionerName",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleCommissionerId",
                table: "Contracts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Contracts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "ContractDecisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "ContractDecisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "AnnualValueReviews",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "AnnualValueReviews",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Directorates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directorates", x => x.Id);
                });

            // 2. Directorates: today's free-text values become the list (one per name, whatever its case), and contracts point at theirs.
            migrationBuilder.Sql(DirectoratesFromContracts);
            migrationBuilder.Sql(ContractsToTheirDirectorate);

            // 3. The responsible commissioner: the user whose display name the text matches, if exactly one does;
            //    otherwise the text is kept as a historic name, shown as not a user of the register.
            migrationBuilder.Sql(CommissionersByDisplayName);
            migrationBuilder.Sql(UnmatchedCommissionersKept);

            // 4. Who did what: names stored as a known user's sign-in address become that user's display name, with their id.
            foreach (var sql in NamesForAddresses()) migrationBuilder.Sql(sql);

            migrationBuilder.DropColumn(
                name: "Directorate",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ResponsibleCommissioner",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_DirectorateId",
                table: "Contracts",
                column: "DirectorateId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_ResponsibleCommissionerId",
                table: "Contracts",
                column: "ResponsibleCommissionerId");

            migrationBuilder.CreateIndex(
                name: "IX_Directorates_Name",
                table: "Directorates",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Contracts_AspNetUsers_ResponsibleCommissionerId",
                table: "Contracts",
                column: "ResponsibleCommissionerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Contracts_Directorates_DirectorateId",
                table: "Contracts",
                column: "DirectorateId",
                principalTable: "Directorates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Directorate",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleCommissioner",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Back to text: the directorate's name, the commissioner's display name or the historic name. Names that
            // replaced sign-in addresses stay names.
            migrationBuilder.Sql("UPDATE Contracts SET Directorate = (SELECT Name FROM Directorates d WHERE d.Id = Contracts.DirectorateId);");
            migrationBuilder.Sql("UPDATE Contracts SET ResponsibleCommissioner = COALESCE((SELECT DisplayName FROM AspNetUsers u WHERE u.Id = Contracts.ResponsibleCommissionerId), HistoricCommissionerName, '');");

            migrationBuilder.DropForeignKey(
                name: "FK_Contracts_AspNetUsers_ResponsibleCommissionerId",
                table: "Contracts");

            migrationBuilder.DropForeignKey(
                name: "FK_Contracts_Directorates_DirectorateId",
                table: "Contracts");

            // SQLite drops the contracts' foreign key only when it rebuilds their table, after this: switched off until then.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.DropTable(
                name: "Directorates");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_DirectorateId",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_ResponsibleCommissionerId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "SavingsTargets");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "SavingsTargets");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "FundingPlans");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "FundingPlans");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "DecisionBodies");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "DecisionBodies");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "CoverSheets");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "CoverSheets");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DirectorateId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "HistoricCommissionerName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ResponsibleCommissionerId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "ContractDecisions");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "ContractDecisions");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "AnnualValueReviews");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "AnnualValueReviews");
        }

        // SQLite. The SQL Server migration does the same in T-SQL.

        private const string NameAccountsWithoutOne = """
            WITH RECURSIVE
              source(Id, s) AS (
                SELECT Id, LOWER(REPLACE(REPLACE(REPLACE(SUBSTR(COALESCE(Email, UserName), 1, INSTR(COALESCE(Email, UserName), '@') - 1), '.', ' '), '_', ' '), '-', ' '))
                FROM AspNetUsers
                WHERE TRIM(COALESCE(DisplayName, '')) = '' AND INSTR(COALESCE(Email, UserName), '@') > 1),
              walk(Id, i, s, done) AS (
                SELECT Id, 1, s, '' FROM source
                UNION ALL
                SELECT Id, i + 1, s, done || CASE WHEN i = 1 OR SUBSTR(s, i - 1, 1) = ' ' THEN UPPER(SUBSTR(s, i, 1)) ELSE SUBSTR(s, i, 1) END
                FROM walk WHERE i <= LENGTH(s))
            UPDATE AspNetUsers
            SET DisplayName = SUBSTR(TRIM(REPLACE(REPLACE((SELECT done FROM walk WHERE walk.Id = AspNetUsers.Id AND walk.i = LENGTH(walk.s) + 1), '  ', ' '), '  ', ' ')), 1, 100)
            WHERE Id IN (SELECT Id FROM source);
            UPDATE AspNetUsers SET DisplayName = SUBSTR(COALESCE(NULLIF(TRIM(UserName), ''), 'Unnamed user'), 1, 100)
            WHERE TRIM(COALESCE(DisplayName, '')) = '';
            """;

        private const string DirectoratesFromContracts = """
            INSERT INTO Directorates (Name, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version)
            SELECT MIN(Name), strftime('%Y-%m-%d %H:%M:%S', 'now'), 'system', strftime('%Y-%m-%d %H:%M:%S', 'now'), 'system',
                   UPPER(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))
            FROM (SELECT CASE WHEN TRIM(Directorate) = '' THEN 'Not recorded' ELSE SUBSTR(TRIM(Directorate), 1, 100) END AS Name FROM Contracts)
            GROUP BY UPPER(Name);
            """;

        private const string ContractsToTheirDirectorate = """
            UPDATE Contracts SET DirectorateId = (
                SELECT d.Id FROM Directorates d
                WHERE UPPER(d.Name) = UPPER(CASE WHEN TRIM(Contracts.Directorate) = '' THEN 'Not recorded' ELSE SUBSTR(TRIM(Contracts.Directorate), 1, 100) END));
            """;

        // A name matches ignoring case, surrounding spaces and a bracketed note ("Jo Smith (interim)" is Jo Smith).
        private const string MatchingUsers = """
            FROM AspNetUsers u
            WHERE UPPER(TRIM(CASE WHEN INSTR(u.DisplayName, ' (') > 0 THEN SUBSTR(u.DisplayName, 1, INSTR(u.DisplayName, ' (') - 1) ELSE u.DisplayName END))
                = UPPER(TRIM(CASE WHEN INSTR(Contracts.ResponsibleCommissioner, ' (') > 0 THEN SUBSTR(Contracts.ResponsibleCommissioner, 1, INSTR(Contracts.ResponsibleCommissioner, ' (') - 1) ELSE Contracts.ResponsibleCommissioner END))
              AND TRIM(Contracts.ResponsibleCommissioner) <> ''
            """;

        private const string CommissionersByDisplayName =
            "UPDATE Contracts SET ResponsibleCommissionerId = (SELECT MIN(u.Id) " + MatchingUsers + ") WHERE (SELECT COUNT(*) " + MatchingUsers + ") = 1;";

        private const string UnmatchedCommissionersKept = """
            UPDATE Contracts SET HistoricCommissionerName = SUBSTR(TRIM(ResponsibleCommissioner), 1, 100)
            WHERE ResponsibleCommissionerId IS NULL AND TRIM(ResponsibleCommissioner) <> '';
            """;

        /// <summary>Each table's name column and the id column kept beside it.</summary>
        private static readonly (string Table, string Name, string Id)[] Actors =
        [
            ("AuditEntries", "ChangedBy", "ChangedById"),
            ("Contracts", "WithdrawnByName", "WithdrawnById"),
            ("AnnualValueReviews", "ProposedBy", "ProposedById"),
            ("AnnualValueReviews", "DecidedBy", "DecidedById"),
            ("ContractEvents", "RecordedByName", "RecordedById"),
            ("CoverSheetVersions", "IssuedBy", "IssuedById"),
            .. new[] { "Contracts", "Providers", "AnnualValueReviews", "SavingsTargets", "FundingPlans", "DecisionBodies", "Meetings", "ContractDecisions", "CoverSheets" }
                .SelectMany(t => new[] { (t, "CreatedBy", "CreatedById"), (t, "UpdatedBy", "UpdatedById") }),
        ];

        private static IEnumerable<string> NamesForAddresses()
        {
            foreach (var (table, name, id) in Actors)
            {
                var isAddressOf = $"(u.NormalizedUserName = UPPER(TRIM({table}.{name})) OR u.NormalizedEmail = UPPER(TRIM({table}.{name})))";
                yield return $"UPDATE {table} SET {id} = (SELECT MIN(u.Id) FROM AspNetUsers u WHERE {isAddressOf}) WHERE {id} IS NULL AND INSTR({name}, '@') > 0;";
                yield return $"UPDATE {table} SET {name} = (SELECT u.DisplayName FROM AspNetUsers u WHERE u.Id = {table}.{id}) " +
                    $"WHERE EXISTS (SELECT 1 FROM AspNetUsers u WHERE u.Id = {table}.{id} AND {isAddressOf});";
            }
        }
    }
}
