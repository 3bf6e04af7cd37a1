using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublishingFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VcseType",
                table: "Providers",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPointUrl",
                table: "Contracts",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractDocumentUrl",
                table: "Contracts",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpvCode",
                table: "Contracts",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IrrecoverableVatPence",
                table: "Contracts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDate",
                table: "Contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenderDocumentsUrl",
                table: "Contracts",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VcseType",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ContactPointUrl",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ContractDocumentUrl",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CpvCode",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "IrrecoverableVatPence",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ReviewDate",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TenderDocumentsUrl",
                table: "Contracts");
        }
    }
}
