using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BacGiang.Cnscd.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppliedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChangesJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
