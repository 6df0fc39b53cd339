using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.SqlServer.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RestructuringJournals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AppliedByUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UndoneByUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ChangesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
