using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>
/// An ingest that changes nothing skips recomputing display names, unless the run before it stopped early
/// (the names may then lag behind releases it stored).
/// </summary>
public abstract class DisplayNameRefreshTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task UnchangedFolder_AfterARunThatStoppedEarly_StillRefreshesDisplayNames()
    {
        store.Source.Write("a.md", "First", portfolios: ["Māori Affairs"]);
        store.Source.Write("b.md", "Second", portfolios: ["Māori Affairs"]);
        store.Source.Write("c.md", "Third", portfolios: ["Maori Affairs"]);
        await store.IngestAsync();
        Assert.Equal("Māori Affairs", await PortfolioNameAsync());

        // As if the last run stored its releases and then died before its names step.
        await using (var db = store.NewDb())
        {
            await db.Portfolios.ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "Maori Affairs"));
            await db.IngestRuns.ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, IngestRunStatus.Running));
        }

        var report = await store.IngestAsync();

        Assert.Equal(3, report.Unchanged);
        Assert.Equal("Māori Affairs", await PortfolioNameAsync());
    }

    [Fact]
    public async Task UnchangedFolder_AfterACompletedRun_LeavesDisplayNamesAlone()
    {
        store.Source.Write("a.md", "First", portfolios: ["Māori Affairs"]);
        await store.IngestAsync();

        // A name no spelling supports: only a refresh would replace it, and nothing changed to call for one.
        await using (var db = store.NewDb())
        {
            await db.Portfolios.ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "Set by hand"));
        }

        Assert.Equal(1, (await store.IngestAsync()).Unchanged);
        Assert.Equal("Set by hand", await PortfolioNameAsync());

        store.Source.Write("b.md", "Second", portfolios: ["Māori Affairs"]);
        Assert.Equal(1, (await store.IngestAsync()).Added);
        Assert.Equal("Māori Affairs", await PortfolioNameAsync());
    }

    private async Task<string> PortfolioNameAsync()
    {
        await using var db = store.NewDb();
        return await db.Portfolios.Select(p => p.Name).SingleAsync();
    }
}

public sealed class DisplayNameRefreshOnSqliteTests() : DisplayNameRefreshTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class DisplayNameRefreshOnPostgreSqlTests() : DisplayNameRefreshTests(StoreProvider.PostgreSql);
