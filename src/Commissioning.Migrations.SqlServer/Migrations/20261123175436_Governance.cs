using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContractId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DecisionReference = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ForwardPlanReference = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    IsKeyDecision = table.Column<bool>(type: "bit", nullable: false),
                    HasExemptAppendix = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractDecisions_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BodyId = table.Column<int>(type: "int", nullable: false),
                    BodyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BodyKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_DecisionBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "DecisionBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ContractDecisionId = table.Column<int>(type: "int", nullable: true),
                    MeetingId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_ContractDecisions_ContractDecisionId",
                        column: x => x.ContractDecisionId,
                        principalTable: "ContractDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoverSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    AgendaItemId = table.Column<int>(type: "int", nullable: false),
                    ContractDecisionId = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverSheets_ContractDecisions_ContractDecisionId",
                        column: x => x.ContractDecisionId,
                        principalTable: "ContractDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoverSheets_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RouteSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Position = table.Column<int>(type: "int", nullable: false),
                    BodyId = table.Column<int>(type: "int", nullable: false),
                    BodyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BodyKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Minute = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OutcomeRecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingId = table.Column<int>(type: "int", nullable: true),
                    ContractDecisionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouteSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RouteSteps_ContractDecisions_ContractDecisionId",
                        column: x => x.ContractDecisionId,
                        principalTable: "ContractDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RouteSteps_DecisionBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "DecisionBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RouteSteps_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoverSheetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MeetingTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ItemNumber = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    IsConfidential = table.Column<bool>(type: "bit", nullable: false),
                    ConfidentialReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PresentedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClinicalLead = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CouncilLead = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ExecutiveSummary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Recommendations = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    StrategicObjectives = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AddressesAssuranceFrameworkRisk = table.Column<bool>(type: "bit", nullable: true),
                    AssuranceFrameworkRisk = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Answers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AdditionalDetails = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    GovernanceRows = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IssuedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    IssuedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CoverSheetId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverSheetVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverSheetVersions_CoverSheets_CoverSheetId",
                        column: x => x.CoverSheetId,
                        principalTable: "CoverSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_ContractDecisionId",
                table: "AgendaItems",
                column: "ContractDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId",
                table: "AgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractDecisions_ContractId",
                table: "ContractDecisions",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheets_AgendaItemId",
                table: "CoverSheets",
                column: "AgendaItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheets_ContractDecisionId",
                table: "CoverSheets",
                column: "ContractDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheets_MeetingId",
                table: "CoverSheets",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheetVersions_CoverSheetId_Number",
                table: "CoverSheetVersions",
                columns: new[] { "CoverSheetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheetVersions_OneDraft",
                table: "CoverSheetVersions",
                column: "CoverSheetId",
                unique: true,
                filter: "[Status] = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionBodies_Name",
                table: "DecisionBodies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BodyId_Date",
                table: "Meetings",
                columns: new[] { "BodyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Date",
                table: "Meetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_RouteSteps_BodyId",
                table: "RouteSteps",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_RouteSteps_ContractDecisionId",
                table: "RouteSteps",
                column: "ContractDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_RouteSteps_Date",
                table: "RouteSteps",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_RouteSteps_MeetingId",
                table: "RouteSteps",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "CoverSheetVersions");

            migrationBuilder.DropTable(
                name: "RouteSteps");

            migrationBuilder.DropTable(
                name: "CoverSheets");

            migrationBuilder.DropTable(
                name: "ContractDecisions");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "DecisionBodies");
        }
    }
}
