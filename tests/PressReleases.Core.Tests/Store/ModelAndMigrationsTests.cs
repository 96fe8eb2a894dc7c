using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store;

/// <summary>
/// One model, two providers. Each provider's context has its own migrations, and SQLite also runs on the compiled
/// model in Store/Sqlite/CompiledModel (built ahead, so no process pays for building it). A model change needs a
/// migration for each provider and a fresh <c>dotnet ef dbcontext optimize</c> (docs/architecture.md); these fail
/// when one was forgotten.
/// </summary>
public sealed class ModelAndMigrationsTests
{
    [Fact]
    public async Task Sqlite_RunsOnTheCompiledModel_WhichMatchesItsLastMigration()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.NewDb();

        Assert.Equal("SqliteDbContextModel", db.Model.GetType().Name);
        Assert.False(db.Database.HasPendingModelChanges(), "The compiled model and the last SQLite migration's snapshot differ: add a migration (--context SqliteDbContext) and/or re-run dotnet ef dbcontext optimize.");
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.PostgreSql)]
    public async Task PostgreSql_ModelMatchesItsLastMigration()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var db = store.NewDb();

        Assert.False(db.Database.HasPendingModelChanges(), "The model and the last PostgreSQL migration's snapshot differ: add a migration (--context PostgreSqlDbContext).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.PostgreSql)]
    public async Task BothProviders_HaveTheSameTablesColumnsAndIndexes()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var postgres = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var sqliteDb = sqlite.NewDb();
        await using var postgresDb = postgres.NewDb();

        var expected = Describe(sqliteDb.GetService<IDesignTimeModel>().Model);
        var actual = Describe(postgresDb.GetService<IDesignTimeModel>().Model);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>Every table's columns (name, nullability, length) and indexes (name, columns, uniqueness), provider types left out.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} nullable={c.IsNullable} length={c.PropertyMappings.First().Property.GetMaxLength()}"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"{table.Name} foreign key {f.Name} -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}"));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }
}
