using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeadacheInfo.Web.Staff.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Schedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishAt",
                table: "ArticleStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleProblem",
                table: "ArticleStates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScheduledRevisionId",
                table: "ArticleStates",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TakeDownAt",
                table: "ArticleStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownBy",
                table: "ArticleStates",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownProblem",
                table: "ArticleStates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownReason",
                table: "ArticleStates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "ScheduleProblem",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "ScheduledRevisionId",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "TakeDownAt",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "TakeDownBy",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "TakeDownProblem",
                table: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "TakeDownReason",
                table: "ArticleStates");
        }
    }
}
