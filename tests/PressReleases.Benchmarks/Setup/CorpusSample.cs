using PressReleases.Core.Ingestion;

namespace PressReleases.Benchmarks.Setup;

/// <summary>A release file of a sample: its bytes and what the parser made of them.</summary>
public sealed record SampledFile(string RelativePath, byte[] Bytes, ParsedRelease Parsed);

/// <summary>
/// Deterministic samples of the real corpus. Files are taken in the ingester's own order (ordinal relative
/// path): the k-th sampled file is the one at position <c>offset + k * stride</c>, or, when that one is
/// rejected by the parser (the corpus has two bad files), the next file that parses. The same corpus
/// therefore always gives the same sample, and every sampled file is one a real ingest stores.
/// </summary>
public static class CorpusSample
{
    /// <summary>Files per parse/render/analyze invocation: every 275th file of the 55,167 gives 200.</summary>
    public const int ParseSize = 200;

    public const int ParseStride = 275;

    /// <summary>Releases per indexed batch (the ingester's batch size): every 110th file gives 500.</summary>
    public const int BatchSize = 500;

    public const int BatchStride = 110;

    public static IReadOnlyList<SampledFile> Take(string corpus, int count, int stride, int offset = 0)
    {
        if (!Directory.Exists(corpus))
        {
            throw new BenchSetupException($"The release corpus was not found at '{corpus}' (expected shared/corpus/beehive/releases beside the repository, or --corpus DIR).");
        }

        var files = ReleaseFiles.Enumerate(corpus);
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var sample = new List<SampledFile>(count);
        for (var k = 0; k < count; k++)
        {
            var position = offset + (k * stride);
            SampledFile? taken = null;
            for (var i = position; taken is null && i < files.Count && i < position + stride; i++)
            {
                var bytes = File.ReadAllBytes(files[i].FullPath);
                try
                {
                    taken = new SampledFile(files[i].RelativePath, bytes, parser.Parse(bytes));
                }
                catch (ReleaseFileException)
                {
                    // A rejected file is not what the benchmarks measure; its neighbour stands in.
                }
            }

            if (taken is null)
            {
                throw new BenchSetupException($"The corpus at '{corpus}' has {files.Count} files, too few for {count} samples every {stride} files from {offset}.");
            }

            sample.Add(taken);
        }

        return sample;
    }
}
