using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeadacheInfo.Web.Staff.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeedbackActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReaderNote",
                table: "ArticleRevisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredByRevisionId",
                table: "ArticleFeedback",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "ArticleFeedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "ArticleFeedback",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "ArticleFeedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "ArticleFeedback",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_AnsweredByRevisionId",
                table: "ArticleFeedback",
                column: "AnsweredByRevisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleFeedback_AnsweredByRevisionId",
                table: "ArticleFeedback");

            migrationBuilder.DropColumn(
                name: "ReaderNote",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "AnsweredByRevisionId",
                table: "ArticleFeedback");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "ArticleFeedback");

            migrationBuilder.DropColumn(
                name: "ResolutionNote",
                table: "ArticleFeedback");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "ArticleFeedback");

            migrationBuilder.DropColumn(
                name: "ResolvedBy",
                table: "ArticleFeedback");
        }
    }
}
