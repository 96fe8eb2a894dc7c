using System.Text;
using BenchmarkDotNet.Attributes;
using Markdig;
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

    // The renderer's own pipeline, rebuilt here to time its parse alone: what rendering the HTML at first view,
    // instead of at ingest, would leave the ingest (the text needs the parsed document too).
    private readonly MarkdownPipeline parseOnly = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int Parse()
    {
        var blocks = 0;
        foreach (var (markdown, _) in bodies)
        {
            blocks += Markdown.Parse(markdown, parseOnly).Count;
        }

        return blocks;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CorpusSample.ParseSize)]
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
