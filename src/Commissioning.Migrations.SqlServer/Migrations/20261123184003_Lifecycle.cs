using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.SqlServer.Migrations
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Contracts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnById",
                table: "Contracts",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByName",
                table: "Contracts",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContractId = table.Column<int>(type: "int", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AuthorisingDecision = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AuthorisingDecisionId = table.Column<int>(type: "int", nullable: true),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EventKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TerminationKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    NoticeServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticePeriodMonths = table.Column<int>(type: "int", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    VariationChanges = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Clause = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ValueBeforePence = table.Column<long>(type: "bigint", nullable: true),
                    ValueAfterPence = table.Column<long>(type: "bigint", nullable: true),
                    EndDateBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDateAfter = table.Column<DateOnly>(type: "date", nullable: true),
                    ValueChangePercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    TermChangePercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    ChangeNoticeWarning = table.Column<bool>(type: "bit", nullable: true),
                    ChangeNoticeRule = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ChangeNoticeExplanation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    OptionSequence = table.Column<int>(type: "int", nullable: true),
                    Months = table.Column<int>(type: "int", nullable: true),
                    ContinuationStatus = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    JustificationText = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    LegalRisk = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    JustificationApprovedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    JustificationApprovedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
