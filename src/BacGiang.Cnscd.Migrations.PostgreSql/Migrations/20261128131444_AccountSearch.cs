using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacGiang.Cnscd.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AccountSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FullNameSearch",
                table: "AspNetUsers",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FullNameSearch",
                table: "AspNetUsers");
        }
    }
}
