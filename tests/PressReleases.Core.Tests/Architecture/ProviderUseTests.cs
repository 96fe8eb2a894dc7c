using PressReleases.Core.Search;

namespace PressReleases.Core.Tests.Architecture;

/// <summary>
/// Only each provider's own folder may use its provider: everything else works through the EF Core model, so
/// SQLite and PostgreSQL stores run the same code, and a third provider would touch only a folder of its own.
/// </summary>
public class ProviderUseTests
{
    private const string Core = "PressReleases.Core";

    [Theory]
    [InlineData("Store.Sqlite", new[] { "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw.core" })]
    [InlineData("Store.PostgreSql", new[] { "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL" })]
    public void OnlyTheProvidersFolder_UsesIt(string folder, string[] assemblies)
    {
        var users = TypeDependencies.AssembliesUsed(typeof(SearchService).Assembly, Core)
            .Where(pair => pair.Value.Overlaps(assemblies))
            .Select(pair => pair.Key[(Core.Length + 1)..])
            .ToList();

        Assert.Contains(folder, users);
        Assert.Equal([folder], users.Where(ns => !ns.StartsWith(folder + ".", StringComparison.Ordinal)));
    }
}
