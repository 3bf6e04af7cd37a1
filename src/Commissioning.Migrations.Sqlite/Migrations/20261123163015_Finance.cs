using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualValueReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualPence = table.Column<long>(type: "INTEGER", nullable: false),
                    YearValuePence = table.Column<long>(type: "INTEGER", nullable: false),
                    ProRataBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProRataPortion = table.Column<int>(type: "INTEGER", nullable: false),
                    ProRataWhole = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselinePence = table.Column<long>(type: "INTEGER", nullable: true),
                    SavingsPence = table.Column<long>(type: "INTEGER", nullable: false),
                    UpliftPence = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsideredOutcomes = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsideredPerformance = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsideredDemandManagement = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsideredSavingsPressures = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpliftKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpliftPercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EstimateWorking = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualValueReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualValueReviews_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingPlans_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SavingsTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeliveredPence = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavingsTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavingsTargets_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingPlanLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CostCentre = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    FundingPlanId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingPlanLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingPlanLines_FundingPlans_FundingPlanId",
                        column: x => x.FundingPlanId,
                        principalTable: "FundingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_FinancialYearStart_Status",
                table: "AnnualValueReviews",
                columns: new[] { "FinancialYearStart", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_OneAgreedPerYear",
                table: "AnnualValueReviews",
                columns: new[] { "ContractId", "FinancialYearStart" },
                unique: true,
                filter: "[Status] = 'Agreed'");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_OneOpenPerYear",
                table: "AnnualValueReviews",
                columns: new[] { "ContractId", "FinancialYearStart" },
                unique: true,
                filter: "[Status] = 'Proposed'");

            migrationBuilder.CreateIndex(
                name: "IX_FundingPlanLines_FundingPlanId",
                table: "FundingPlanLines",
                column: "FundingPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingPlans_ContractId_FinancialYearStart",
                table: "FundingPlans",
                columns: new[] { "ContractId", "FinancialYearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavingsTargets_ContractId_FinancialYearStart",
                table: "SavingsTargets",
                columns: new[] { "ContractId", "FinancialYearStart" });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsTargets_FinancialYearStart",
                table: "SavingsTargets",
                column: "FinancialYearStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualValueReviews");

            migrationBuilder.DropTable(
                name: "FundingPlanLines");

            migrationBuilder.DropTable(
                name: "SavingsTargets");

            migrationBuilder.DropTable(
                name: "FundingPlans");
        }
    }
}
