using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeadacheInfo.Web.Staff.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredByRevisionId",
                table: "ArticleFeedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "ArticleFeedback",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "ArticleFeedback",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "ArticleFeedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "ArticleFeedback",
                type: "TEXT",
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
