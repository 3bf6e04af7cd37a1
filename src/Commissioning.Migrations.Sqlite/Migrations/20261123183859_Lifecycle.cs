using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnById",
                table: "Contracts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByName",
                table: "Contracts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorisingDecision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorisingDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EventKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TerminationKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NoticeServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticePeriodMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VariationChanges = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValueBeforePence = table.Column<long>(type: "INTEGER", nullable: true),
                    ValueAfterPence = table.Column<long>(type: "INTEGER", nullable: true),
                    EndDateBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDateAfter = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValueChangePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    TermChangePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ChangeNoticeWarning = table.Column<bool>(type: "INTEGER", nullable: true),
                    ChangeNoticeRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ChangeNoticeExplanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OptionSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Months = table.Column<int>(type: "INTEGER", nullable: true),
                    ContinuationStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    JustificationText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    LegalRisk = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    JustificationApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JustificationApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvents_ContractDecisions_AuthorisingDecisionId",
                        column: x => x.AuthorisingDecisionId,
                        principalTable: "ContractDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractEvents_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvents_AuthorisingDecisionId",
                table: "ContractEvents",
                column: "AuthorisingDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvents_ContractId_EventDate",
                table: "ContractEvents",
                columns: new[] { "ContractId", "EventDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractEvents");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "WithdrawnById",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "WithdrawnByName",
                table: "Contracts");
        }
    }
}
