using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PracticeModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8301, nullable: false),
                    SubmitterLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Skills = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    HouseholdsReached = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherResults = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LastActedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeModels_AdministrativeUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeModels_CommuneId",
                table: "PracticeModels",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeModels_DistrictId",
                table: "PracticeModels",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeModels_Status_Year",
                table: "PracticeModels",
                columns: new[] { "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeModels_UnitId",
                table: "PracticeModels",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeModels_VillageId",
                table: "PracticeModels",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeModels");
        }
    }
}
