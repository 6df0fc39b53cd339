using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Summaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VillageQuarterSummaries",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredByOwnMember = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredByAssistance = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlinePublicServices = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlineShopping = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlinePayment = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlineSafety = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOtherPlatforms = table.Column<int>(type: "INTEGER", nullable: false),
                    AllFiveSkills = table.Column<int>(type: "INTEGER", nullable: false),
                    VneidLevel2 = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicServiceAccount = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAssistance = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAssistanceUnassigned = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToMember = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageQuarterSummaries", x => new { x.UnitId, x.Year, x.Quarter });
                    table.ForeignKey(
                        name: "FK_VillageQuarterSummaries_AdministrativeUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageSummaries",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredByOwnMember = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredByAssistance = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlinePublicServices = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlineShopping = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlinePayment = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOnlineSafety = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillOtherPlatforms = table.Column<int>(type: "INTEGER", nullable: false),
                    AllFiveSkills = table.Column<int>(type: "INTEGER", nullable: false),
                    VneidLevel2 = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicServiceAccount = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAssistance = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAssistanceUnassigned = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToMember = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageSummaries", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_VillageSummaries_AdministrativeUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VillageQuarterSummaries_CommuneId",
                table: "VillageQuarterSummaries",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageQuarterSummaries_DistrictId",
                table: "VillageQuarterSummaries",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageQuarterSummaries_VillageId",
                table: "VillageQuarterSummaries",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageSummaries_CommuneId",
                table: "VillageSummaries",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageSummaries_DistrictId",
                table: "VillageSummaries",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageSummaries_VillageId",
                table: "VillageSummaries",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VillageQuarterSummaries");

            migrationBuilder.DropTable(
                name: "VillageSummaries");
        }
    }
}
