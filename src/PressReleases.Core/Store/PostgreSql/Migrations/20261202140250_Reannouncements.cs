using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressReleases.Core.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Reannouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reannouncements",
                columns: table => new
                {
                    ReleaseId = table.Column<int>(type: "integer", nullable: false),
                    OtherId = table.Column<int>(type: "integer", nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reannouncements", x => new { x.ReleaseId, x.OtherId });
                    table.ForeignKey(
                        name: "FK_Reannouncements_Releases_OtherId",
                        column: x => x.OtherId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reannouncements_Releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseSignatures",
                columns: table => new
                {
                    ReleaseId = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    ShingleCount = table.Column<int>(type: "integer", nullable: false),
                    MinHash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseSignatures", x => x.ReleaseId);
                    table.ForeignKey(
                        name: "FK_ReleaseSignatures_Releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reannouncements_OtherId",
                table: "Reannouncements",
                column: "OtherId");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseSignatures_ChangeSeq",
                table: "ReleaseSignatures",
                column: "ChangeSeq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reannouncements");

            migrationBuilder.DropTable(
                name: "ReleaseSignatures");
        }
    }
}
