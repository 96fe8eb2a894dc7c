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
        var text = $"---\ntitle: x\ndate: 2020-01-15\nurl: https://www.beehive.govt.nz/release/x\n---\n\n{Nested(shape)}\n";

        var error = Assert.Throws<ReleaseFileException>(() => parser.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The renderer keeps one set of Markdig renderers per thread; a body that fails part-way through rendering may
    /// leave them mid-document, so the next body on that thread must come out exactly as from a renderer that never
    /// failed (none of the failed body's text, every tag closed).
    /// </summary>
    [Theory]
    [InlineData("quotes")]
    [InlineData("lists")]
    [InlineData("brackets")]
    [InlineData("emphasis")]
    public void BodyRenderedAfterANestingFailure_IsTheSameAsFromAFreshRenderer(string shape)
    {
        const string Ordinary = "The Minister said **today** that [the plan](/plan) is:\n\n- one\n- two\n\n> quoted";
        var url = new Uri("https://www.beehive.govt.nz/release/x");
        var expected = new MarkdownRenderer().Render(Ordinary, url);
        var renderer = new MarkdownRenderer();

        Assert.Throws<ReleaseFileException>(() => renderer.Render(Nested(shape) + "\n\nleftover words", url));
        var after = renderer.Render(Ordinary, url);

        Assert.Equal(expected, after);
    }

    private static string Nested(string shape) => shape switch
    {
        "quotes" => new string('>', 1_000) + " x",
        "lists" => string.Concat(Enumerable.Repeat("- ", 1_000)) + "x",
        "emphasis" => string.Concat(Enumerable.Repeat("*a ", 1_000)) + "x" + string.Concat(Enumerable.Repeat(" a*", 1_000)),
        _ => new string('[', 1_000),
    };
}
