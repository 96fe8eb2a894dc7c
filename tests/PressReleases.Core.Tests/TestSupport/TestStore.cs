using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>
/// A complete installation wired by hand, as the site wires it: a SQLite store and a Lucene index in a
/// temp data directory of its own, a catalog, the synchronizer, the ingester and the search service, plus
/// a source folder for release files. <see cref="ReopenIndexAsync"/> simulates a restart of the index.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory temp;

    private TestStore(TempDirectory temp, DataDirectory data)
    {
        this.temp = temp;
        Data = data;
        DbFactory = new TestDbContextFactory(data);
        Catalog = new ReleaseCatalog(DbFactory);
        Source = new SourceFolder(temp.Sub("source"));
        Index = OpenIndex();
    }

    public DataDirectory Data { get; }

    public IDbContextFactory<PressReleasesDbContext> DbFactory { get; }

    public ReleaseCatalog Catalog { get; }

    /// <summary>Release files for <see cref="IngestAsync"/>; inside this test's temp directory.</summary>
    public SourceFolder Source { get; }

    public SearchIndex Index { get; private set; }

    public IndexSynchronizer Synchronizer => new(DbFactory, Index, NullLogger<IndexSynchronizer>.Instance);

    public Ingester Ingester => new(DbFactory, Index, new ReleaseFileParser(new MarkdownRenderer()), Catalog, TimeProvider.System, NullLogger<Ingester>.Instance);

    public SearchService Search => new(Index, Catalog);

    /// <summary>The temp directory this store lives in (for extra folders a test needs).</summary>
    public TempDirectory Temp => temp;

    public static async Task<TestStore> CreateAsync()
    {
        var temp = new TempDirectory();
        try
        {
            var data = new DataDirectory(Path.Combine(temp.Path, "data"));
            data.EnsureWritable();
            var store = new TestStore(temp, data);
            await using (var db = store.DbFactory.CreateDbContext())
            {
                await StoreSetup.InitializeAsync(db);
            }

            await store.Synchronizer.SyncAsync();
            return store;
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    public PressReleasesDbContext NewDb() => DbFactory.CreateDbContext();

    public Task<IngestReport> IngestAsync(string? folder = null) => Ingester.IngestAsync(folder ?? Source.Path);

    public Task<SearchResult> SearchAsync(SearchRequest request) => Search.SearchAsync(request);

    public Task<SearchResult> SearchAsync(string? query) => Search.SearchAsync(new SearchRequest { Query = query, PageSize = SearchRequest.MaxPageSize });

    /// <summary>
    /// Disposes the index (as a stopping process would), lets <paramref name="whileClosed"/> act on the index
    /// folder, then opens it again. The caller decides whether to sync, as a starting site does.
    /// </summary>
    public void ReopenIndex(Action<string>? whileClosed = null)
    {
        Index.Dispose();
        whileClosed?.Invoke(Data.IndexPath);
        Index = OpenIndex();
    }

    /// <summary>A restart: reopen the index, then sync it from the store.</summary>
    public async Task<IndexSyncReport> ReopenIndexAsync(Action<string>? whileClosed = null)
    {
        ReopenIndex(whileClosed);
        return await Synchronizer.SyncAsync();
    }

    /// <summary>Every slug of the hits of <paramref name="query"/> (all pages).</summary>
    public async Task<List<string>> SlugsFoundAsync(string? query, SearchRequest? template = null)
    {
        var slugs = new List<string>();
        for (var page = 1; ; page++)
        {
            var request = (template ?? new SearchRequest()) with { Query = query, Page = page, PageSize = SearchRequest.MaxPageSize };
            var result = await Search.SearchAsync(request);
            slugs.AddRange(result.Items.Select(h => h.Slug));
            if (page >= result.PageCount)
            {
                return slugs;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        temp.Dispose();
        await Task.CompletedTask;
    }

    private SearchIndex OpenIndex() => new(Data.IndexPath, new ReleaseAnalyzer());
}
