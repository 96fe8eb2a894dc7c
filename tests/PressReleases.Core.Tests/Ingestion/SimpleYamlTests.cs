using PressReleases.Core.Ingestion;

namespace PressReleases.Core.Tests.Ingestion;

public class SimpleYamlTests
{
    [Fact]
    public void TryRead_ReadsTheExportShapeWithFileLines()
    {
        var fields = SimpleYaml.TryRead(
            "title: \"Budget \\\"boost\\\" for\\u00a0schools\"\n" +
            "date: 2020-03-01\n" +
            "url: https://www.beehive.govt.nz/release/x\n" +
            "ministers:\n" +
            "  - Hon Chris Hipkins\n" +
            "  - 'Grant O''Brien'\n" +
            "portfolios:\n" +
            "attachments:\n" +
            "- \"https://example.org/a.pdf\"\n");

        Assert.NotNull(fields);
        Assert.Equal("Budget \"boost\" for\u00a0schools", fields["title"].Scalar);
        Assert.Equal(2, fields["title"].Line);
        Assert.Equal("2020-03-01", fields["DATE"].Scalar);
        Assert.Equal(FrontMatterKind.List, fields["ministers"].Kind);
        Assert.Equal(6, fields["ministers"].Line);
        Assert.Equal(["Hon Chris Hipkins", "Grant O'Brien"], fields["ministers"].Entries.Select(e => e.Text));
        Assert.Equal(FrontMatterKind.Scalar, fields["portfolios"].Kind);
        Assert.Equal("", fields["portfolios"].Scalar);
        Assert.Equal(["https://example.org/a.pdf"], fields["attachments"].Entries.Select(e => e.Text));
    }

    [Theory]
    [InlineData("title: x # a comment")]
    [InlineData("# comment\ntitle: x")]
    [InlineData("title: &anchor x\nother: *anchor")]
    [InlineData("ministers: [a, b]")]
    [InlineData("ministers: {a: b}")]
    [InlineData("title: first line\n  continued")]
    [InlineData("title: x\ntitle: y")]
    [InlineData("title: \"an \\q escape\"")]
    [InlineData("title: \"unclosed")]
    [InlineData("title: \"two\" \"parts\"")]
    [InlineData("title:\tx")]
    [InlineData("title:x")]
    [InlineData("ministers:\n  - a: b")]
    [InlineData("ministers:\n  - a\n    - b")]
    [InlineData("ministers:\n  - a\n  nested: b")]
    [InlineData("- a\n- b")]
    [InlineData("title: |\n  block")]
    [InlineData("just text")]
    [InlineData("")]
    public void TryRead_LeavesAnythingElseToYamlDotNet(string yaml) => Assert.Null(SimpleYaml.TryRead(yaml));

    // Only this test reads the corpus: the others stay in the fast inner loop.
    [Fact]
    [Trait(TestCategories.Key, TestCategories.Corpus)]
    public void TryRead_AgreesWithYamlDotNetAcrossTheCorpus()
    {
        var files = Directory.EnumerateFiles(RepoPaths.RequireCorpusFolder(), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("README.md" or "LICENSE.md" or "SOURCE.md"))
            .Order(StringComparer.Ordinal)
            .Where((_, i) => i % 10 == 0)
            .ToList();

        var fast = 0;
        foreach (var file in files)
        {
            var yaml = FrontMatter.Split(File.ReadAllText(file).Replace("\r\n", "\n")).Yaml;
            if (SimpleYaml.TryRead(yaml) is not { } simple)
            {
                continue;
            }

            fast++;
            Assert.True(Describe(FrontMatterFields.ReadWithYamlDotNet(yaml)) == Describe(simple), $"{file} reads differently");
        }

        // The point of the simple reader is that it takes (nearly) every real file.
        Assert.True(fast > files.Count * 0.99, $"only {fast} of {files.Count} files took the simple reader");
    }

    private static string Describe(Dictionary<string, FrontMatterValue> fields) => string.Join(
        "\n",
        fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
            $"{f.Key}|{f.Value.Kind}|{f.Value.Scalar}|{f.Value.Line}|{string.Join("¦", f.Value.Entries.Select(e => $"{e.Text}@{e.Line}"))}"));
}
