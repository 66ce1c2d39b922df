using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HeadacheInfo.Web.Staff.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EditorialTools : Migration
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

            migrationBuilder.CreateTable(
                name: "MailDigestWeeks",
                columns: table => new
                {
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailDigestWeeks", x => x.WeekOf);
                });

            migrationBuilder.CreateTable(
                name: "MailOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisionPictures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Alt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Caption = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
