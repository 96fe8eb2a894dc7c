using PressReleases.Core.Search;
using PressReleases.Core.Store;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>Each test gets its own store and index holding <see cref="SampleReleases"/>.</summary>
public abstract class SampleSearchTestBase : IAsyncLifetime
{
    protected TestStore Store { get; private set; } = null!;

    /// <summary>The store's provider; tests of the store's own behaviour run on both.</summary>
    protected virtual StoreProvider Provider => StoreProvider.Sqlite;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(Provider);
        SampleReleases.WriteTo(Store.Source);
        var report = await Store.IngestAsync();
        Assert.Equal(SampleReleases.All.Count, report.Added);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>The slugs every page of the search finds, in ordinal order.</summary>
    protected async Task<List<string>> FoundAsync(string? query, SearchRequest? template = null) =>
        (await Store.SlugsFoundAsync(query, template)).Order(StringComparer.Ordinal).ToList();

    protected Task<SearchResult> SearchAsync(SearchRequest request) => Store.SearchAsync(request);

    protected Task<SearchResult> SearchAsync(string? query) => Store.SearchAsync(query);

    protected static List<string> AllSlugs => SampleReleases.Slugs.Order(StringComparer.Ordinal).ToList();

    protected static List<string> Sorted(IEnumerable<string> slugs) => slugs.Distinct().Order(StringComparer.Ordinal).ToList();
}
