using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeadacheInfo.Web.Staff.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditorialTools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PublishAt",
                table: "ArticleStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleProblem",
                table: "ArticleStates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScheduledRevisionId",
                table: "ArticleStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TakeDownAt",
                table: "ArticleStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownBy",
                table: "ArticleStates",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownProblem",
                table: "ArticleStates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakeDownReason",
                table: "ArticleStates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "MailDigestWeeks",
                columns: table => new
                {
                    WeekOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailDigestWeeks", x => x.WeekOf);
                });

            migrationBuilder.CreateTable(
                name: "MailOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOptOuts", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MailOptOuts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisionPictures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Alt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionPictures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisionPictures_ArticleRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ArticleRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_AnsweredByRevisionId",
                table: "ArticleFeedback",
                column: "AnsweredByRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MailOutbox_State_NextAttemptAt",
                table: "MailOutbox",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisionPictures_Name",
                table: "RevisionPictures",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisionPictures_RevisionId",
                table: "RevisionPictures",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionPictures_Slug",
                table: "RevisionPictures",
                column: "Slug");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailDigestWeeks");

            migrationBuilder.DropTable(
                name: "MailOptOuts");

            migrationBuilder.DropTable(
                name: "MailOutbox");

            migrationBuilder.DropTable(
                name: "RevisionPictures");

            migrationBuilder.DropIndex(
                name: "IX_ArticleFeedback_AnsweredByRevisionId",
                table: "ArticleFeedback");

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
