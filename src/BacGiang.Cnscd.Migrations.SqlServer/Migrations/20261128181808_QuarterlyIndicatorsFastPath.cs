using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QuarterlyIndicatorsFastPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SkillsLastGuidedOn",
                table: "Households",
                type: "date",
                nullable: true);

            // Households guided before this column existed: the newest date among their skill rows.
            migrationBuilder.Sql("UPDATE [Households] SET [SkillsLastGuidedOn] = (SELECT MAX(s.[GuidedOn]) FROM [HouseholdSkills] s WHERE s.[HouseholdId] = [Households].[Id]);");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisits_VisitedOn_DistrictId_CommuneId_VillageId",
                table: "HouseholdVisits",
                columns: new[] { "VisitedOn", "DistrictId", "CommuneId", "VillageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HouseholdVisits_VisitedOn_DistrictId_CommuneId_VillageId",
                table: "HouseholdVisits");

            migrationBuilder.DropColumn(
                name: "SkillsLastGuidedOn",
                table: "Households");
        }
    }
}
