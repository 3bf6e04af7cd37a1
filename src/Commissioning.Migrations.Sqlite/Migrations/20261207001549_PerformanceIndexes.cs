using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualValueReviews_FinancialYearStart_Status",
                table: "AnnualValueReviews");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_MaximumEndDate",
                table: "Contracts",
                column: "MaximumEndDate");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_StartDate",
                table: "Contracts",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_ContractId_FinancialYearStart",
                table: "AnnualValueReviews",
                columns: new[] { "ContractId", "FinancialYearStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_YearSums",
                table: "AnnualValueReviews",
                columns: new[] { "FinancialYearStart", "Status", "ContractId", "YearValuePence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_MaximumEndDate",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_StartDate",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_AnnualValueReviews_ContractId_FinancialYearStart",
                table: "AnnualValueReviews");

            migrationBuilder.DropIndex(
                name: "IX_AnnualValueReviews_YearSums",
                table: "AnnualValueReviews");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualValueReviews_FinancialYearStart_Status",
                table: "AnnualValueReviews",
                columns: new[] { "FinancialYearStart", "Status" });
        }
    }
}
