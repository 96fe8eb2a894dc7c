using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressReleases.Core.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStoreIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoreIdentity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreIdentity", x => x.Id);
                });

            // The store's identity, drawn once from the database's own random source (StoreIdentity): every store
            // created or upgraded here gets a value of its own, and no later migration or run changes it.
            migrationBuilder.Sql("""INSERT INTO "StoreIdentity" ("Id", "Value") VALUES (1, lower(hex(randomblob(16))));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreIdentity");
        }
    }
}
