using PressReleases.Core.Search;

namespace PressReleases.Core.Tests.Architecture;

/// <summary>
/// Only the store's own folder may use the SQLite provider: everything else works through the EF Core model,
/// so another provider (PostgreSQL for several web nodes) can take its place without touching them.
/// </summary>
public class SqliteUseTests
{
    private static readonly string[] SqliteAssemblies = ["Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw.core"];

    [Fact]
    public void OnlyTheStoreFolder_UsesTheSqliteProvider()
    {
        var users = TypeDependencies.AssembliesUsed(typeof(SearchService).Assembly, "PressReleases.Core")
            .Where(pair => pair.Value.Overlaps(SqliteAssemblies))
            .Select(pair => pair.Key)
            .ToList();

        Assert.Contains("PressReleases.Core.Store", users);
        Assert.Equal(["PressReleases.Core.Store"], users.Where(ns => !ns.StartsWith("PressReleases.Core.Store.", StringComparison.Ordinal)));
    }
}
