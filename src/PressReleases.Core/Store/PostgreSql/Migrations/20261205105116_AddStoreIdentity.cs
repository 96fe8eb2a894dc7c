using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressReleases.Core.Store.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreIdentity", x => x.Id);
                });

            // The store's identity, drawn once from the database's own random source (StoreIdentity): every store
            // created or upgraded here gets a value of its own, and no later migration or run changes it.
            migrationBuilder.Sql("""INSERT INTO "StoreIdentity" ("Id", "Value") VALUES (1, replace(gen_random_uuid()::text, '-', ''));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreIdentity");
        }
    }
}
