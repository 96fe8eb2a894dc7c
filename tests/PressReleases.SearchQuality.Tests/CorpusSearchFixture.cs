using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.SearchQuality.Tests;

/// <summary>
/// The full real corpus, ingested once per test class into a store and index of its own (temp data
/// directory), wired by hand as the site wires it: SQLite store, Lucene index, catalog, ingester, search.
/// A missing corpus is recorded, and every test that needs it fails with the path (never skips).
/// </summary>
public sealed class CorpusSearchFixture : IAsyncLifetime
{
    private TempDirectory? temp;
    private SearchIndex? index;
    private SearchService? search;
    private IDbContextFactory<PressReleasesDbContext>? dbFactory;

    public string CorpusFolder { get; } = RepoPaths.CorpusReleases;

    /// <summary>Set when the corpus folder does not exist; the tests fail with it.</summary>
    public string? CorpusMissing { get; private set; }

    public IngestReport? Report { get; private set; }

    public TimeSpan IngestElapsed { get; private set; }

    public int IndexedDocuments { get; private set; }

    public SearchService Search => Ready(search);

    public IDbContextFactory<PressReleasesDbContext> DbFactory => Ready(dbFactory);

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(CorpusFolder))
        {
            CorpusMissing = $"The shared release corpus was not found at '{CorpusFolder}'. The search-quality evaluation needs the full " +
                            $"export beside the repository ('{RepoPaths.Root}') as shared/corpus/beehive/releases/YYYY/MM/*.md.";
            return;
        }

        temp = new TempDirectory("search-quality");
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        dbFactory = new StoreContextFactory(StoreLocation.Sqlite(data));
        await using (var db = dbFactory.CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        index = new SearchIndex(data.IndexPath, new ReleaseAnalyzer());
        await new IndexSynchronizer(dbFactory, index, NullLogger<IndexSynchronizer>.Instance).SyncAsync();

        var catalog = new ReleaseCatalog(dbFactory);
        var ingester = new Ingester(dbFactory, index, new ReleaseFileParser(new MarkdownRenderer()), catalog, TimeProvider.System, NullLogger<Ingester>.Instance);
        var stopwatch = Stopwatch.StartNew();
        Report = await ingester.IngestAsync(CorpusFolder);
        IngestElapsed = stopwatch.Elapsed;
        IndexedDocuments = index.DocumentCount;
        search = new SearchService(index, catalog);
    }

    /// <summary>Fails the calling test when the corpus is missing.</summary>
    public void EnsureCorpus()
    {
        if (CorpusMissing is not null)
        {
            Assert.Fail(CorpusMissing);
        }
    }

    public Task DisposeAsync()
    {
        index?.Dispose();
        temp?.Dispose();
        return Task.CompletedTask;
    }

    private T Ready<T>(T? value)
        where T : class
    {
        EnsureCorpus();
        return value ?? throw new InvalidOperationException("The corpus fixture was not initialised.");
    }
}
