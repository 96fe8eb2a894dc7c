using System.Text;
using PressReleases.Core.Ingestion;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>
/// Markdig throws ArgumentException ("Markdown elements in the input are too deeply nested - depth limit
/// exceeded") for deeply nested input; the parser turns that into a ReleaseFileException so the report
/// gives a reason, not "unexpected error".
/// </summary>
public class MarkdownNestingTests
{
    private readonly ReleaseFileParser parser = new(new MarkdownRenderer());

    [Theory]
    [InlineData("quotes")]
    [InlineData("lists")]
    [InlineData("brackets")]
    public void TooDeeplyNestedBody_IsRejectedAsAReleaseFileProblem(string shape)
    {
        var body = shape switch
        {
            "quotes" => new string('>', 1_000) + " x",
            "lists" => string.Concat(Enumerable.Repeat("- ", 1_000)) + "x",
            _ => new string('[', 1_000),
        };
        var text = $"---\ntitle: x\ndate: 2020-01-15\nurl: https://www.beehive.govt.nz/release/x\n---\n\n{body}\n";

        var error = Assert.Throws<ReleaseFileException>(() => parser.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }
}
