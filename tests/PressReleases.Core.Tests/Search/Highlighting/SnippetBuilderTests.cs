using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Highlighting;

namespace PressReleases.Core.Tests.Search.Highlighting;

public class SnippetBuilderTests
{
    private static readonly ReleaseAnalyzer Analyzer = new();
    private readonly SnippetBuilder builder = new(Analyzer);

    private static HashSet<string> Terms(string words) => [.. Analyzer.Terms(IndexFields.Body, words)];

    [Fact]
    public void Snippet_OfEmptyText_IsEmpty() => Assert.Equal("", builder.Snippet("", Terms("x"), []));

    [Fact]
    public void Snippet_OfShortText_IsAllOfIt_EncodedAndMarked()
    {
        var snippet = builder.Snippet("Tom & Jerry <b>visit</b> Japan's capital.", Terms("japan visit"), []);
        Assert.Equal("Tom &amp; Jerry &lt;b&gt;<mark>visit</mark>&lt;/b&gt; <mark>Japan&#x27;s</mark> capital.", snippet);
    }

    [Fact]
    public void Snippet_OfLongText_CentresOnTheMatch_AndShowsItIsCut()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 60));
        var text = $"{filler} the earthquake response was swift {filler}";

        var snippet = builder.Snippet(text, Terms("earthquake"), []);

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>earthquake</mark> response was swift", snippet);
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
        Assert.True(plain.Length <= SnippetBuilder.SnippetChars, $"snippet text is {plain.Length} characters");
        Assert.Contains(plain, text);
    }

    [Fact]
    public void Snippet_WithoutMatches_IsTheStartOfTheText()
    {
        var text = string.Join(' ', Enumerable.Repeat("alpha beta gamma", 50));
        var snippet = builder.Snippet(text, Terms("zeppelin"), []);
        Assert.StartsWith("alpha beta gamma", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("<mark>", snippet);
    }

    [Fact]
    public void Snippet_PrefersTheWindowWithTheMostDistinctTerms()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 40));
        var text = $"Trade figures first. {filler} Later, trade with Japan grew. {filler}";

        var snippet = builder.Snippet(text, Terms("trade japan"), []);

        Assert.Contains("<mark>trade</mark> with <mark>Japan</mark>", snippet);
    }

    [Fact]
    public void Snippet_CollapsesLineBreaks()
    {
        var snippet = builder.Snippet("First paragraph.\n\nSecond paragraph\nwith a break.", Terms("second"), []);
        Assert.DoesNotContain("\n", snippet);
        Assert.Contains("First paragraph. <mark>Second</mark> paragraph with a break.", snippet);
    }

    [Fact]
    public void Snippet_EncodesAroundLineBreaks_AndReadsABlankLineAsOneSpace()
    {
        var snippet = builder.Snippet("Costs <$5m>\n\n\nSecond & \"final\"\nreport", Terms("second"), []);
        Assert.Equal("Costs &lt;$5m&gt;  <mark>Second</mark> &amp; &quot;final&quot; report", snippet);
    }

    [Fact]
    public void Highlight_MarksPrefixMatchesInTheWholeText()
    {
        var html = builder.Highlight("Tourism and tours in Tauranga", new HashSet<string>(), ["tour"]);
        Assert.Equal("<mark>Tourism</mark> and <mark>tours</mark> in Tauranga", html);
    }

    [Fact]
    public void Highlight_WithNothingToMark_IsTheEncodedText() =>
        Assert.Equal("A &lt;b&gt; &amp; C", builder.Highlight("A <b> & C", new HashSet<string>(), []));
}
