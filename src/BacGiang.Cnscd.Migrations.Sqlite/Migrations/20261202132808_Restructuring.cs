using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Restructuring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Teams",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RestructuringJournals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppliedByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestructuringJournals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RestructuringJournals_EffectiveOn",
                table: "RestructuringJournals",
                column: "EffectiveOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RestructuringJournals");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Teams");
        }
    }
}
