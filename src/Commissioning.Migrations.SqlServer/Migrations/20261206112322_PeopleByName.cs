using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PeopleByName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 1. Every account has a display name: one without gets the part of its e-mail address before the @, tidied.
            migrationBuilder.Sql(NameAccountsWithoutOne);
            migrationBuilder.Sql(NameAccountsWithoutAnAddress);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "SavingsTargets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "SavingsTargets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Providers",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Providers",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Meetings",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Meetings",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "FundingPlans",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "FundingPlans",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "DecisionBodies",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "DecisionBodies",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "CoverSheets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "CoverSheets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Contracts",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DirectorateId",
                table: "Contracts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HistoricCommissionerName",
                table: "Contracts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleCommissionerId",
                table: "Contracts",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Contracts",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "ContractDecisions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "ContractDecisions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "AuditEntries",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "AnnualValueReviews",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "AnnualValueReviews",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Directorates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleCommissioner",
                table: "Contracts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Back to text: the directorate's name, the commissioner's display name or the historic name. Names that
            // replaced sign-in addresses stay names.
            migrationBuilder.Sql("UPDATE Contracts SET Directorate = (SELECT Name FROM Directorates d WHERE d.Id = Contracts.DirectorateId);");
            migrationBuilder.Sql("UPDATE Contracts SET ResponsibleCommissioner = COALESCE((SELECT DisplayName FROM AspNetUsers u WHERE u.Id = Contracts.ResponsibleCommissionerId), HistoricCommissionerName, N'');");

            migrationBuilder.DropForeignKey(
                name: "FK_Contracts_AspNetUsers_ResponsibleCommissionerId",
                table: "Contracts");

            migrationBuilder.DropForeignKey(
                name: "FK_Contracts_Directorates_DirectorateId",
                table: "Contracts");

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

        // SQL Server. The SQLite migration does the same in SQLite's SQL.

        private const string NameAccountsWithoutOne = """
            WITH source AS (
                SELECT Id, CAST(LOWER(REPLACE(REPLACE(REPLACE(LEFT(COALESCE(Email, UserName), CHARINDEX(N'@', COALESCE(Email, UserName)) - 1), N'.', N' '), N'_', N' '), N'-', N' ')) AS nvarchar(256)) AS s
                FROM AspNetUsers
                WHERE LTRIM(RTRIM(COALESCE(DisplayName, N''))) = N'' AND CHARINDEX(N'@', COALESCE(Email, UserName)) > 1),
            walk AS (
                SELECT Id, 1 AS i, s, CAST(N'' AS nvarchar(256)) AS done FROM source
                UNION ALL
                SELECT Id, i + 1, s, CAST(done + CASE WHEN i = 1 OR SUBSTRING(s, i - 1, 1) = N' ' THEN UPPER(SUBSTRING(s, i, 1)) ELSE SUBSTRING(s, i, 1) END AS nvarchar(256))
                FROM walk WHERE i <= LEN(s))
            UPDATE u SET DisplayName = LEFT(LTRIM(RTRIM(REPLACE(REPLACE(w.done, N'  ', N' '), N'  ', N' '))), 100)
            FROM AspNetUsers u JOIN walk w ON w.Id = u.Id AND w.i = LEN(w.s) + 1
            OPTION (MAXRECURSION 300);
            """;

        private const string NameAccountsWithoutAnAddress = """
            UPDATE AspNetUsers SET DisplayName = LEFT(COALESCE(NULLIF(LTRIM(RTRIM(UserName)), N''), N'Unnamed user'), 100)
            WHERE LTRIM(RTRIM(COALESCE(DisplayName, N''))) = N'';
            """;

        private const string DirectoratesFromContracts = """
            INSERT INTO Directorates (Name, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version)
            SELECT MIN(Name), SYSUTCDATETIME(), N'system', SYSUTCDATETIME(), N'system', NEWID()
            FROM (SELECT CASE WHEN LTRIM(RTRIM(Directorate)) = N'' THEN N'Not recorded' ELSE LEFT(LTRIM(RTRIM(Directorate)), 100) END AS Name FROM Contracts) AS named
            GROUP BY UPPER(Name);
            """;

        private const string ContractsToTheirDirectorate = """
            UPDATE Contracts SET DirectorateId = (
                SELECT d.Id FROM Directorates d
                WHERE UPPER(d.Name) = UPPER(CASE WHEN LTRIM(RTRIM(Contracts.Directorate)) = N'' THEN N'Not recorded' ELSE LEFT(LTRIM(RTRIM(Contracts.Directorate)), 100) END));
            """;

        // A name matches ignoring case, surrounding spaces and a bracketed note ("Jo Smith (interim)" is Jo Smith).
        private const string MatchingUsers = """
            FROM AspNetUsers u
            WHERE UPPER(LTRIM(RTRIM(CASE WHEN CHARINDEX(N' (', u.DisplayName) > 0 THEN LEFT(u.DisplayName, CHARINDEX(N' (', u.DisplayName) - 1) ELSE u.DisplayName END)))
                = UPPER(LTRIM(RTRIM(CASE WHEN CHARINDEX(N' (', Contracts.ResponsibleCommissioner) > 0 THEN LEFT(Contracts.ResponsibleCommissioner, CHARINDEX(N' (', Contracts.ResponsibleCommissioner) - 1) ELSE Contracts.ResponsibleCommissioner END)))
              AND LTRIM(RTRIM(Contracts.ResponsibleCommissioner)) <> N''
            """;

        private const string CommissionersByDisplayName =
            "UPDATE Contracts SET ResponsibleCommissionerId = (SELECT MIN(u.Id) " + MatchingUsers + ") WHERE (SELECT COUNT(*) " + MatchingUsers + ") = 1;";

        private const string UnmatchedCommissionersKept = """
            UPDATE Contracts SET HistoricCommissionerName = LEFT(LTRIM(RTRIM(ResponsibleCommissioner)), 100)
            WHERE ResponsibleCommissionerId IS NULL AND LTRIM(RTRIM(ResponsibleCommissioner)) <> N'';
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
                var isAddressOf = $"(u.NormalizedUserName = UPPER(LTRIM(RTRIM({table}.{name}))) OR u.NormalizedEmail = UPPER(LTRIM(RTRIM({table}.{name}))))";
                yield return $"UPDATE {table} SET {id} = (SELECT MIN(u.Id) FROM AspNetUsers u WHERE {isAddressOf}) WHERE {id} IS NULL AND CHARINDEX(N'@', {name}) > 0;";
                yield return $"UPDATE {table} SET {name} = (SELECT u.DisplayName FROM AspNetUsers u WHERE u.Id = {table}.{id}) " +
                    $"WHERE EXISTS (SELECT 1 FROM AspNetUsers u WHERE u.Id = {table}.{id} AND {isAddressOf});";
            }
        }
    }
}
