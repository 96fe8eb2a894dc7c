using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Benchmarks.Search;

/// <summary>
/// The <see cref="ReleaseAnalyzer"/> token stream over the plain-text bodies of 200 real releases, for the
/// stemmed <c>body</c> field and the whole-word <c>words</c> field (the two longest fields indexed); per body.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private readonly ReleaseAnalyzer analyzer = new();
    private string[] bodies = [];

    [Params(IndexFields.Body, IndexFields.Words)]
    public string Field { get; set; } = IndexFields.Body;

    [GlobalSetup]
    public void Setup() =>
        bodies = CorpusSample.Take(BenchPaths.CorpusFolder, CorpusSample.ParseSize, CorpusSample.ParseStride)
            .Select(s => s.Parsed.BodyText)
            .ToArray();

    [GlobalCleanup]
    public void Cleanup() => analyzer.Dispose();

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var body in bodies)
        {
            using var stream = analyzer.GetTokenStream(Field, body);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length > 0 ? 1 : 0;
            }

            stream.End();
        }

        return tokens;
    }
}
