using System.Text;
using BenchmarkDotNet.Attributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Ingestion;

namespace PressReleases.Benchmarks.Ingestion;

/// <summary>
/// Parsing release files: splitting off the front matter, and the whole parse (decode, front matter, YAML,
/// validation, markdown rendering and sanitizing) over 200 real files. Figures are per file.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ReleaseFileParser parser = new(new MarkdownRenderer());
    private byte[][] files = [];
    private string[] texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var sample = CorpusSample.Take(BenchPaths.CorpusFolder, CorpusSample.ParseSize, CorpusSample.ParseStride);
        files = sample.Select(s => s.Bytes).ToArray();

        // Split sees text as the parser hands it over: decoded, without a BOM, CRLF turned into LF.
        texts = sample.Select(s => Encoding.UTF8.GetString(s.Bytes).TrimStart('\uFEFF').Replace("\r\n", "\n")).ToArray();
    }

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int FrontMatterSplit()
    {
        var chars = 0;
        foreach (var text in texts)
        {
            chars += FrontMatter.Split(text).Yaml.Length;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = CorpusSample.ParseSize)]
    public int ParseWholeFile()
    {
        var chars = 0;
        foreach (var bytes in files)
        {
            chars += parser.Parse(bytes).BodyText.Length;
        }

        return chars;
    }
}
