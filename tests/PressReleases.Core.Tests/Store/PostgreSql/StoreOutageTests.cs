using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Tests.TestSupport;
using PressReleases.TestSupport.Servers;

namespace PressReleases.Core.Tests.Store.PostgreSql;

/// <summary>
/// The database goes down under a running node: its lists and its index keep serving, reads say the store is
/// away instead of failing obscurely, writes fail in a way a retrying ingester recognises, and all of it comes
/// back by itself when the server does.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class StoreOutageTests : IAsyncLifetime
{
    private PostgreSqlServer server = null!;
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.StartAsync("outage");
        store = await TestStore.CreateAsync(server);
        SampleReleases.WriteTo(store.Source);
        await store.IngestAsync();
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task WhileTheServerIsDown_TheCatalogServesItsLastLists_AndTheIndexServesReleases()
    {
        var clock = new ManualClock();
        var availability = new StoreAvailability(clock);
        var catalog = new ReleaseCatalog(store.DbFactory, availability);
        var search = new SearchService(store.Index, catalog);
        var ministers = await catalog.ListAsync(NameKind.Minister);
        var stored = await catalog.FindAsync("china-visit");

        await server.StopAsync();
        catalog.Invalidate();

        Assert.Equal(ministers, await catalog.ListAsync(NameKind.Minister));
        Assert.True(availability.IsDown);
        Assert.NotEmpty(availability.Outage!.Value.Error);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => catalog.FindAsync("china-visit"));

        var fromIndex = await search.FindInIndexAsync("china-visit");
        Assert.NotNull(fromIndex);
        Assert.True(fromIndex.FromSearchIndex);
        Assert.Equal((stored!.Title, stored.Date, stored.SourceUrl, stored.BodyText), (fromIndex.Title, fromIndex.Date, fromIndex.SourceUrl, fromIndex.BodyText));
        Assert.Equal(stored.Ministers, fromIndex.Ministers);
        Assert.Equal(stored.Portfolios, fromIndex.Portfolios);
        Assert.Equal(SampleReleases.All.Count, (await search.SearchAsync(new SearchRequest())).Total);

        // Back: within the retry interval the catalog does not ask; after it, it asks, and finds the store again.
        await server.StartAgainAsync();
        Assert.False(availability.ShouldTry());
        clock.Advance(StoreAvailability.RetryInterval);
        Assert.Equal(ministers, await catalog.ListAsync(NameKind.Minister));
        Assert.False(availability.IsDown);
        Assert.Equal(stored.Title, (await catalog.FindAsync("china-visit"))!.Title);
    }

    [Fact]
    public async Task AnIngestAgainstADownServer_FailsAsUnavailable_AndTheNextRunFinishesTheWork()
    {
        await server.StopAsync();
        store.Source.Write("while-down.md", "Written while the database was down");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.StoreOnlyIngester.IngestAsync(store.Source.Path));
        Assert.True(StoreErrors.IsUnavailable(error), error.ToString());

        await server.StartAgainAsync();
        var report = await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        Assert.Equal((1, SampleReleases.All.Count), (report.Added, report.Unchanged));
    }
}
