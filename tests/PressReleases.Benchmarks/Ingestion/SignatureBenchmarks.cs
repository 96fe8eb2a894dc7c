using System.Text;
using BenchmarkDotNet.Attributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Reannouncements;

namespace PressReleases.Benchmarks.Ingestion;

/// <summary>
/// A body's shingle count and MinHash signature, per body, for the plain text of 200 real releases: as the ingest
/// computed it until 2026-12-04 (shingles sorted and made distinct, then four hash functions per vector) and as it
/// does now (<see cref="Shingles.Sign"/>: no sorting, eight functions per vector where the processor has 512-bit ones).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private string[] texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var renderer = new MarkdownRenderer();
        texts = CorpusSample.Take(BenchPaths.CorpusFolder, CorpusSample.ParseSize, CorpusSample.ParseStride)
            .Select(s => renderer.Render(FrontMatter.Split(Encoding.UTF8.GetString(s.Bytes).TrimStart('\uFEFF').Replace("\r\n", "\n")).Body, new Uri(s.Parsed.Url)).Text)
            .ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CorpusSample.ParseSize)]
    public int SortedThenFourWide()
    {
        var total = 0;
        foreach (var text in texts)
        {
            var sorted = Shingles.Of(text);
            total += sorted.Length >= ReannouncementRules.MinShingles ? MinHash.Of(sorted, wide: false)[0] > 0 ? sorted.Length : 0 : 0;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int Signed()
    {
        var total = 0;
        foreach (var text in texts)
        {
            var (count, signature) = Shingles.Sign(text, ReannouncementRules.MinShingles);
            total += signature is { } s && s[0] > 0 ? count : 0;
        }

        return total;
    }
}
