using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search;

namespace PressReleases.Benchmarks.Search;

/// <summary>
/// Indexing one ingest batch: 500 real releases become documents (<see cref="IndexFields.ToDocument"/>) and are
/// added to a fresh on-disk index, then committed. The writer is configured as <see cref="SearchIndex"/>
/// configures its own (release analyzer, BM25, 64 MB buffer). The folder is created and removed outside the
/// measurement.
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
    public void RemoveFolder() => System.IO.Directory.Delete(folder, recursive: true);

    [Benchmark]
    public int AddBatchAndCommit()
    {
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(ReleaseAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var release in releases)
        {
            writer.AddDocument(IndexFields.ToDocument(release));
        }

        writer.Commit();
        return writer.NumDocs;
    }
}
