using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BreakingUntil",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleViewCounts",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HourStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleViewCounts", x => new { x.ArticleId, x.HourStartUtc });
                    table.ForeignKey(
                        name: "FK_ArticleViewCounts_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_BreakingUntil",
                table: "Articles",
                column: "BreakingUntil");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleViewCounts_HourStartUtc_ArticleId_Count",
                table: "ArticleViewCounts",
                columns: new[] { "HourStartUtc", "ArticleId", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleViewCounts");

            migrationBuilder.DropIndex(
                name: "IX_Articles_BreakingUntil",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "BreakingUntil",
                table: "Articles");
        }
    }
}
