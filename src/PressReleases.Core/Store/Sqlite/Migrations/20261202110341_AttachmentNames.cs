using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressReleases.Core.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentNames",
                table: "Releases",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Releases stored before names were kept: any with attachments may have named some. Forgetting their
            // file's hash and fingerprint makes the next ingest read, parse and store them again, names and all, with
            // no step for the operator (docs/data-decisions.md). Releases without attachments have no name to gain.
            migrationBuilder.Sql("""UPDATE "Releases" SET "ContentHash" = '', "SourceWriteTicks" = 0 WHERE "Attachments" <> '[]'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Forgotten hashes stay forgotten: the next ingest reads those files again and stores them as they are.
            migrationBuilder.DropColumn(
                name: "AttachmentNames",
                table: "Releases");
        }
    }
}
