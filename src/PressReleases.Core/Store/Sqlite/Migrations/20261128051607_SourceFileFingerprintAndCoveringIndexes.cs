using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressReleases.Core.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SourceFileFingerprintAndCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Releases_SourceRoot_SourcePath",
                table: "Releases");

            migrationBuilder.AddColumn<long>(
                name: "SourceLength",
                table: "Releases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SourceWriteTicks",
                table: "Releases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Releases_Identity",
                table: "Releases",
                columns: new[] { "SourceRoot", "SourcePath", "Slug", "SourceUrl", "Date", "ContentHash", "SourceLength", "SourceWriteTicks", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Releases_RemovedAt_Date",
                table: "Releases",
                columns: new[] { "RemovedAt", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Releases_Identity",
                table: "Releases");

            migrationBuilder.DropIndex(
                name: "IX_Releases_RemovedAt_Date",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "SourceLength",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "SourceWriteTicks",
                table: "Releases");

            migrationBuilder.CreateIndex(
                name: "IX_Releases_SourceRoot_SourcePath",
                table: "Releases",
                columns: new[] { "SourceRoot", "SourcePath" });
        }
    }
}
