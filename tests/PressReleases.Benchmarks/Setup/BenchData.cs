using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Benchmarks.Setup;

/// <summary>
/// A store and index of the whole real corpus, wired by hand as the site wires them (SQLite store,
/// Lucene index, catalog, search service). Built once by the Core <see cref="Ingester"/> and reused: a
/// marker file records the corpus folder, its file count and the releases stored; when they still match,
/// the data is opened as it is (after the usual index synchronisation, which rebuilds an index of an older
/// schema from the store). Otherwise the ingester runs, which also completes a half-built directory.
/// The index takes a process lock, so the site cannot serve this directory while this is open.
/// </summary>
public sealed class BenchData : IDisposable
{
    private const string MarkerFile = "bench-corpus.txt";

    private BenchData(DataDirectory data, SearchIndex index, ReleaseCatalog catalog, int releases)
    {
        Data = data;
        Index = index;
        Catalog = catalog;
        Releases = releases;
        Search = new SearchService(index, catalog);
    }

    public DataDirectory Data { get; }

    public SearchIndex Index { get; }

    public ReleaseCatalog Catalog { get; }

    public SearchService Search { get; }

    /// <summary>Current releases in the store (and so in the index).</summary>
    public int Releases { get; }

    public static async Task<BenchData> OpenAsync(string dataFolder, string corpus, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(corpus))
        {
            throw new BenchSetupException($"The release corpus was not found at '{corpus}' (expected shared/corpus/beehive/releases beside the repository, or --corpus DIR).");
        }

        var files = ReleaseFiles.Enumerate(corpus).Count;
        var data = new DataDirectory(dataFolder);
        data.EnsureWritable();
        var dbFactory = new StoreContextFactory(StoreLocation.Sqlite(data));
        await using (var db = dbFactory.CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db, cancellationToken);
        }

        var index = new SearchIndex(data.IndexPath, new ReleaseAnalyzer());
        try
        {
            var synchronizer = new IndexSynchronizer(dbFactory, index, NullLogger<IndexSynchronizer>.Instance);
            var sync = await synchronizer.SyncAsync(cancellationToken);
            if (sync.Rebuilt && sync.Indexed > 0)
            {
                log.WriteLine($"Index rebuilt from the store: {sync.Indexed:N0} releases in {sync.Elapsed.TotalSeconds:F1} s.");
            }

            var catalog = new ReleaseCatalog(dbFactory);
            var expected = Marker(corpus, files, await catalog.CountAsync(cancellationToken));
            var markerPath = Path.Combine(data.Root, MarkerFile);
            if (File.Exists(markerPath) && await File.ReadAllTextAsync(markerPath, cancellationToken) == expected)
            {
                log.WriteLine($"Reusing the data in {data.Root} ({await catalog.CountAsync(cancellationToken):N0} releases of {files:N0} files).");
            }
            else
            {
                log.WriteLine($"Building the data in {data.Root} from {corpus} ({files:N0} files; about a minute or more)...");
                var ingester = new Ingester(dbFactory, index, new ReleaseFileParser(new MarkdownRenderer()), catalog, TimeProvider.System, NullLogger<Ingester>.Instance);
                var stopwatch = Stopwatch.StartNew();
                var report = await ingester.IngestAsync(corpus, progress: null, searchableWhileRunning: false, cancellationToken);
                log.WriteLine($"Ingested in {stopwatch.Elapsed.TotalSeconds:F1} s: {report.Added:N0} added, {report.Updated:N0} updated, " +
                              $"{report.Unchanged:N0} unchanged, {report.Removed:N0} removed, {report.Rejected:N0} rejected.");
                catalog.Invalidate();
                await File.WriteAllTextAsync(markerPath, Marker(corpus, files, await catalog.CountAsync(cancellationToken)), cancellationToken);
            }

            // Searched as the site serves it: an index an ingest or a rebuild left split is merged (Web/Maintenance/SplitIndexMerger).
            if (await synchronizer.MergeIfSplitAsync(cancellationToken))
            {
                log.WriteLine("Merged the index's segments into one, as the site does once it is ready.");
            }

            var releases = await catalog.CountAsync(cancellationToken);
            if (index.DocumentCount != releases)
            {
                throw new BenchSetupException($"The index in {data.IndexPath} holds {index.DocumentCount:N0} documents but the store {releases:N0} releases.");
            }

            return new BenchData(data, index, catalog, releases);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Index.Dispose();

        // Pooled SQLite connections keep the database open; a later run in this process may want it.
        SqliteConnection.ClearAllPools();
    }

    private static string Marker(string corpus, int files, int releases) =>
        string.Create(CultureInfo.InvariantCulture, $"corpus={corpus}\nfiles={files}\nreleases={releases}\nschema={SearchIndex.SchemaVersion}\n");
}
