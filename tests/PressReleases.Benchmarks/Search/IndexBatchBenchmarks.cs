using BenchmarkDotNet.Attributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Benchmarks.Search;

/// <summary>
/// Indexing one ingest batch: 500 real releases are upserted into a fresh on-disk <see cref="SearchIndex"/>
/// (the ingest's own write path), then committed. The folder is created and removed outside the measurement.
/// </summary>
[MemoryDiagnoser]
public class IndexBatchBenchmarks
{
    private readonly ReleaseAnalyzer analyzer = new();
    private IndexedRelease[] releases = [];
    private string folder = "";

    [GlobalSetup]
    public void Setup() =>
        releases = CorpusSample.Take(BenchPaths.CorpusFolder, CorpusSample.BatchSize, CorpusSample.BatchStride)
            .Select((s, i) => new IndexedRelease(
                i + 1,
                s.Parsed.BaseSlug,
                s.Parsed.Title,
                s.Parsed.Date,
                s.Parsed.Url,
                s.Parsed.BodyText,
                s.Parsed.Ministers.Select(m => m.Slug).ToList(),
                s.Parsed.Portfolios.Select(p => p.Slug).ToList()))
            .ToArray();

    [GlobalCleanup]
    public void Cleanup() => analyzer.Dispose();

    [IterationSetup]
    public void NewFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "pressreleases-bench-index", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
    }

    [IterationCleanup]
    public void RemoveFolder()
    {
        System.IO.Directory.Delete(folder, recursive: true);
        File.Delete(folder + ".lock");
    }

    [Benchmark]
    public async Task<int> AddBatchAndCommit()
    {
        // The index's own write path: reused document fields, the body analysed once for both text fields.
        using var index = new SearchIndex(folder, analyzer);
        using (var session = await index.BeginWriteAsync())
        {
            foreach (var release in releases)
            {
                session.Upsert(release);
            }

            session.Commit(1);
        }

        return index.DocumentCount;
    }
}
