using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Awards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardNominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    NomineeKind = table.Column<int>(type: "int", nullable: false),
                    NomineeTeamId = table.Column<int>(type: "int", nullable: true),
                    NomineeUnitId = table.Column<int>(type: "int", nullable: true),
                    NomineeMemberId = table.Column<int>(type: "int", nullable: true),
                    NomineeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Achievements = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PracticeModelId = table.Column<int>(type: "int", nullable: true),
                    ProposedForm = table.Column<int>(type: "int", nullable: false),
                    DossierFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReviewComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AppraisalOfficer = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    AppraisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppraisalComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecisionNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionSigner = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastActedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    LastActedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    DistrictId = table.Column<int>(type: "int", nullable: true),
                    CommuneId = table.Column<int>(type: "int", nullable: true),
                    VillageId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardNominations_AdministrativeUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardNominations_Attachments_DossierFileId",
                        column: x => x.DossierFileId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    NominationDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    DistrictId = table.Column<int>(type: "int", nullable: true),
                    CommuneId = table.Column<int>(type: "int", nullable: true),
                    VillageId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRounds_AdministrativeUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CommuneId",
                table: "AwardNominations",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_DistrictId",
                table: "AwardNominations",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_DossierFileId",
                table: "AwardNominations",
                column: "DossierFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NomineeTeamId",
                table: "AwardNominations",
                column: "NomineeTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_UnitId",
                table: "AwardNominations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_VillageId",
                table: "AwardNominations",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_Year_Status",
                table: "AwardNominations",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_CommuneId",
                table: "AwardRounds",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_DistrictId",
                table: "AwardRounds",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_UnitId",
                table: "AwardRounds",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_VillageId",
                table: "AwardRounds",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_Year",
                table: "AwardRounds",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardNominations");

            migrationBuilder.DropTable(
                name: "AwardRounds");
        }
    }
}
