using System.Text;
using BenchmarkDotNet.Attributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Ingestion;

namespace PressReleases.Benchmarks.Ingestion;

/// <summary>Markdown to sanitized HTML plus plain text (<see cref="MarkdownRenderer.Render"/>) for the bodies of 200 real files; per body.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly MarkdownRenderer renderer = new();
    private (string Markdown, Uri Url)[] bodies = [];

    [GlobalSetup]
    public void Setup()
    {
        var sample = CorpusSample.Take(BenchPaths.CorpusFolder, CorpusSample.ParseSize, CorpusSample.ParseStride);
        bodies = sample
            .Select(s => (FrontMatter.Split(Encoding.UTF8.GetString(s.Bytes).TrimStart('\uFEFF').Replace("\r\n", "\n")).Body, new Uri(s.Parsed.Url)))
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int Render()
    {
        var chars = 0;
        foreach (var (markdown, url) in bodies)
        {
            var rendered = renderer.Render(markdown, url);
            chars += rendered.Html.Length + rendered.Text.Length;
        }

        return chars;
    }
}
