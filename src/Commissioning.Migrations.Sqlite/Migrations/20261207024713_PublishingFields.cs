using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPointUrl",
                table: "Contracts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractDocumentUrl",
                table: "Contracts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpvCode",
                table: "Contracts",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IrrecoverableVatPence",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDate",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenderDocumentsUrl",
                table: "Contracts",
                type: "TEXT",
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
