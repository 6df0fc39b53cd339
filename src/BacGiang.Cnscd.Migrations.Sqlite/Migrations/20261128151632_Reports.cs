using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SetAtUtc",
                table: "Targets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAtUtc",
                table: "QuarterlyReportSubmissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "QuarterlyReportSubmissions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildrenDueDate",
                table: "QuarterlyReports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SetAtUtc",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "ReviewedAtUtc",
                table: "QuarterlyReportSubmissions");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "QuarterlyReportSubmissions");

            migrationBuilder.DropColumn(
                name: "ChildrenDueDate",
                table: "QuarterlyReports");
        }
    }
}
