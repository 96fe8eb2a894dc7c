using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Benchmarks.Ingestion;

/// <summary>
/// The least a cold ingest of the corpus could take on this machine with the project's parser and Lucene.Net:
/// its two largest stages, each alone and on every core, with nothing else done. First every file is read,
/// then parsed, rendered and sanitized (as an ingest does, nothing stored); then the bodies alone go into a
/// minimal index (one text field with the standard analyzer, nothing stored, no title, filters, facets or
/// offsets), once with positions (which phrase search needs) and once with documents only. No store, no
/// second field. The positional index is then merged into one segment, as an ingest leaves its index for the
/// searches (timed apart, since the real ingest overlaps it with nothing of its own but the re-announcement look).
/// The sum of the stages is a floor for the real ingest (docs/performance.md).
/// Last, the parsed releases go into the index the site searches, with every field it holds (<see cref="SearchIndex"/>,
/// the ingest's own writer and document builder, on every core; no store, no signatures): what the index alone costs
/// above the minimal one.
/// </summary>
internal static class IngestFloorVerb
{
    public static int Run(TextWriter output)
    {
        var folder = BenchPaths.CorpusFolder;
        var files = System.IO.Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"corpus: {folder}, {files.Count:N0} files; {Environment.ProcessorCount} cores");

        var bytes = new byte[files.Count][];
        Measure(output, "read every file", () => Parallel.For(0, files.Count, i => bytes[i] = File.ReadAllBytes(files[i])));

        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var parsed = new ParsedRelease?[files.Count];
        Measure(output, "parse, render and sanitize every file", () => Parallel.For(0, files.Count, i =>
        {
            try
            {
                parsed[i] = parser.Parse(bytes[i]);
            }
            catch (ReleaseFileException)
            {
                parsed[i] = null;
            }
        }));
        var bodies = parsed.Select(p => p?.BodyText ?? "").ToArray();

        foreach (var options in new[] { IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, IndexOptions.DOCS_ONLY })
        {
            var path = Path.Combine(Path.GetTempPath(), $"pressreleases-ingest-floor-{Environment.ProcessId}");
            try
            {
                IndexBodies(output, path, bodies, options);
            }
            finally
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }

        IndexAsTheSiteHoldsThem(output, parsed);
        return 0;
    }

    private static void IndexBodies(TextWriter output, string path, string[] bodies, IndexOptions options)
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = options };
        type.Freeze();
        using var directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        using var writer = new IndexWriter(directory, config);
        Measure(output, $"index the bodies alone ({options})", () =>
        {
            Parallel.ForEach(Partitioner.Create(0, bodies.Length, 500), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, range =>
            {
                // One reused field per thread, as the real ingest does.
                var body = new Field("body", "", type);
                var document = new Document { body };
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    body.SetStringValue(bodies[i]);
                    writer.AddDocument(document);
                }
            });
            writer.Commit();
        });

        if (options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS)
        {
            int segments;
            using (var reader = DirectoryReader.Open(directory))
            {
                segments = reader.Leaves.Count;
            }

            Measure(output, $"  then merge its {segments} segments into one", () =>
            {
                writer.ForceMerge(1);
                writer.Commit();
            });
        }
    }

    private static void IndexAsTheSiteHoldsThem(TextWriter output, ParsedRelease?[] parsed)
    {
        var releases = parsed
            .Select((p, i) => p is null ? null : new IndexedRelease(
                i + 1, $"{p.BaseSlug}-{i}", p.Title, p.Date, p.Url, p.BodyText, [.. p.Ministers.Select(m => m.Slug)], [.. p.Portfolios.Select(m => m.Slug)]))
            .OfType<IndexedRelease>()
            .ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"pressreleases-ingest-floor-site-{Environment.ProcessId}");
        try
        {
            using var index = new SearchIndex(path, new ReleaseAnalyzer());
            using var session = index.BeginWriteAsync().GetAwaiter().GetResult();
            Measure(output, $"index the releases with every field the site's index holds ({SearchIndex.IndexingThreads} threads)", () =>
            {
                Parallel.ForEach(Partitioner.Create(0, releases.Length, 500), new ParallelOptions { MaxDegreeOfParallelism = SearchIndex.IndexingThreads }, range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        session.Upsert(releases[i]);
                    }
                });
                session.Commit(1);
            });
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
            File.Delete(path + ".lock");
        }
    }

    private static void Measure(TextWriter output, string stage, Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        output.WriteLine($"{stage}: {wall.Elapsed.TotalSeconds:0.00} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
    }
}
