using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Apologies",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Chair",
                table: "Meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOnline",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OnlineLink",
                table: "Meetings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Present",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Venue",
                table: "Meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "ContractDecisionId",
                table: "CoverSheets",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Declarations",
                table: "AgendaItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "MinuteText",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "Presenter",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Apologies",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Chair",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "IsOnline",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "OnlineLink",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Present",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StartTime",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Venue",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Declarations",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "MinuteText",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Presenter",
                table: "AgendaItems");

            migrationBuilder.AlterColumn<int>(
                name: "ContractDecisionId",
                table: "CoverSheets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
