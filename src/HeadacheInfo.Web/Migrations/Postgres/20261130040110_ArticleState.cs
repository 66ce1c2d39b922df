using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeadacheInfo.Web.Staff.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubjectRevisionId",
                table: "ArticleRevisions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleStates",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DraftRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    DraftBaseHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleStates", x => x.Slug);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleStates");

            migrationBuilder.DropColumn(
                name: "SubjectRevisionId",
                table: "ArticleRevisions");
        }
    }
}
