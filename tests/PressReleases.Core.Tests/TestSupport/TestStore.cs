using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.TestSupport.Servers;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>
/// A complete installation wired by hand, as the site wires it: a store (a SQLite file in a temp data directory
/// of its own, or a fresh database on the shared throwaway PostgreSQL server), a Lucene index in that data
/// directory, a catalog, the synchronizer, the ingester and the search service, plus a source folder for release
/// files. <see cref="ReopenIndexAsync"/> simulates a restart of the index.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory temp;

    private readonly PostgreSqlServer? server;

    private TestStore(TempDirectory temp, DataDirectory data, StoreLocation location, PostgreSqlServer? server)
    {
        this.temp = temp;
        this.server = server;
        Data = data;
        Location = location;
        DbFactory = new StoreContextFactory(location);
        Catalog = new ReleaseCatalog(DbFactory);
        Source = new SourceFolder(temp.Sub("source"));
        Index = OpenIndex();
    }

    public DataDirectory Data { get; }

    public StoreLocation Location { get; }

    public StoreProvider Provider => Location.Provider;

    public IDbContextFactory<PressReleasesDbContext> DbFactory { get; }

    public ReleaseCatalog Catalog { get; }

    /// <summary>Release files for <see cref="IngestAsync"/>; inside this test's temp directory.</summary>
    public SourceFolder Source { get; }

    public SearchIndex Index { get; private set; }

    public IndexSynchronizer Synchronizer => new(DbFactory, Index, NullLogger<IndexSynchronizer>.Instance);

    public Ingester Ingester => new(DbFactory, Index, new ReleaseFileParser(new MarkdownRenderer()), Catalog, TimeProvider.System, NullLogger<Ingester>.Instance);

    /// <summary>An ingester that writes the store only, as the command line does on PostgreSQL; the index learns by catching up.</summary>
    public Ingester StoreOnlyIngester => new(DbFactory, null, new ReleaseFileParser(new MarkdownRenderer()), new ReleaseCatalog(DbFactory), TimeProvider.System, NullLogger<Ingester>.Instance);

    /// <summary>The PostgreSQL server the store is on; null for SQLite.</summary>
    public PostgreSqlServer? Server => server;

    public SearchService Search => new(Index, Catalog);

    /// <summary>The temp directory this store lives in (for extra folders a test needs).</summary>
    public TempDirectory Temp => temp;

    public static Task<TestStore> CreateAsync(StoreProvider provider = StoreProvider.Sqlite) =>
        CreateAsync(provider, provider == StoreProvider.PostgreSql ? PostgreSqlServer.SharedAsync : null);

    /// <summary>A store on a PostgreSQL server of the test's own (one it may stop and start again).</summary>
    public static Task<TestStore> CreateAsync(PostgreSqlServer server) => CreateAsync(StoreProvider.PostgreSql, () => Task.FromResult(server));

    private static async Task<TestStore> CreateAsync(StoreProvider provider, Func<Task<PostgreSqlServer>>? serverOf)
    {
        var temp = new TempDirectory();
        try
        {
            var data = new DataDirectory(Path.Combine(temp.Path, "data"));
            data.EnsureWritable();
            var server = serverOf is null ? null : await serverOf();
            var location = server is null ? StoreLocation.Sqlite(data) : StoreLocation.PostgreSql(await server.CreateDatabaseAsync());
            var store = new TestStore(temp, data, location, server);
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

    /// <summary>
    /// Copies the store as it is now, as an operator's backup would, and returns what restores it: the SQLite file
    /// put back, or the PostgreSQL database dropped and re-created from the copy. Restore while nothing uses the store.
    /// </summary>
    public async Task<Func<Task>> BackUpStoreAsync()
    {
        if (server is null)
        {
            var backup = Path.Combine(temp.Path, $"backup-{Guid.NewGuid():N}.db");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(Data.DatabasePath, backup);
            return () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    File.Delete(Data.DatabasePath + suffix);
                }

                File.Copy(backup, Data.DatabasePath, overwrite: true);
                return Task.CompletedTask;
            };
        }

        var copy = await server.CopyDatabaseAsync(Location.ConnectionString);
        return () => server.ReplaceDatabaseAsync(Location.ConnectionString, copy);
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
        if (server is { IsRunning: true })
        {
            await server.DropDatabaseAsync(Location.ConnectionString);
        }

        temp.Dispose();
    }

    private SearchIndex OpenIndex() => new(Data.IndexPath, new ReleaseAnalyzer());
}
