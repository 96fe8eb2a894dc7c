using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Highlighting;

namespace PressReleases.Core.Tests.Search.Highlighting;

public class HtmlHighlighterTests
{
    private static readonly ReleaseAnalyzer Analyzer = new();
    private readonly HtmlHighlighter highlighter = new(Analyzer);

    private static HashSet<string> Terms(string words) => [.. Analyzer.Terms(IndexFields.Body, words)];

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("");
        document.Body!.InnerHtml = html;
        return document.Body;
    }

    private static List<IElement> Marks(string html) => Parse(html).QuerySelectorAll("mark").ToList();

    [Fact]
    public void Highlight_MarksStemmedAndFoldedMatchesInText_WithSequentialIds()
    {
        const string html = "<p>The Māori Language Commission announced funding.</p><p>An announcement about MAORI schools.</p>";

        var result = highlighter.Highlight(html, Terms("maori announce"), []);

        var marks = Marks(result.Html);
        Assert.Equal(4, result.MatchCount);
        Assert.False(result.LimitReached);
        Assert.Equal(["Māori", "announced", "announcement", "MAORI"], marks.Select(m => m.TextContent));
        Assert.Equal(["match-1", "match-2", "match-3", "match-4"], marks.Select(m => m.Id));
        Assert.Equal(Parse(html).TextContent, Parse(result.Html).TextContent);
    }

    [Fact]
    public void Highlight_MarksTextInsideLinks_ButNeverTouchesAttributes()
    {
        const string html = "<p>See the <a href=\"https://example.govt.nz/geothermal?x=geothermal\" title=\"geothermal report\">geothermal report</a>.</p>";

        var result = highlighter.Highlight(html, Terms("geothermal"), []);

        Assert.Equal(1, result.MatchCount);
        var body = Parse(result.Html);
        var link = body.QuerySelector("a")!;
        Assert.Equal("https://example.govt.nz/geothermal?x=geothermal", link.GetAttribute("href"));
        Assert.Equal("geothermal report", link.GetAttribute("title"));
        Assert.Equal("geothermal", link.QuerySelector("mark#match-1")?.TextContent);
        Assert.All(body.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => Assert.DoesNotContain("mark", a.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Prefixes_MatchWholeWordsAsWritten()
    {
        const string html = "<p>Cooperation and cooperating partners; a cooper made barrels.</p>";

        var result = highlighter.Highlight(html, new HashSet<string>(), ["cooperat"]);

        Assert.Equal(["Cooperation", "cooperating"], Marks(result.Html).Select(m => m.TextContent));
    }

    [Fact]
    public void Highlight_StopsMarkingAtTheCap_AndSaysSo()
    {
        var html = "<p>" + string.Join(" ", Enumerable.Repeat("budget", 30)) + "</p><p>budget</p>";

        var result = highlighter.Highlight(html, Terms("budget"), [], maxMarks: 10);

        Assert.Equal(10, result.MatchCount);
        Assert.True(result.LimitReached);
        var marks = Marks(result.Html);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"match-{i}"), marks.Select(m => m.Id));
        Assert.Equal(Parse(html).TextContent, Parse(result.Html).TextContent);
    }

    [Fact]
    public void DefaultCap_IsApplied()
    {
        var html = "<p>" + string.Join(" ", Enumerable.Repeat("trade", HtmlHighlighter.DefaultMaxMarks + 20)) + "</p>";

        var result = highlighter.Highlight(html, Terms("trade"), []);

        Assert.Equal(HtmlHighlighter.DefaultMaxMarks, result.MatchCount);
        Assert.Equal(HtmlHighlighter.DefaultMaxMarks, Marks(result.Html).Count);
    }

    [Fact]
    public void EncodedText_StaysEncoded_AndOnlyMarksAreAdded()
    {
        // As text, this is what a sanitised body holds when a release quotes markup.
        const string html = "<p>&lt;script&gt;alert('budget')&lt;/script&gt; &amp; budget</p>";

        var result = highlighter.Highlight(html, Terms("budget script"), []);

        var body = Parse(result.Html);
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Equal(["p", "mark"], body.QuerySelectorAll("*").Select(e => e.LocalName).Distinct());
        Assert.Equal(Parse(html).TextContent, body.TextContent);
        Assert.DoesNotContain("<script", result.Html, StringComparison.OrdinalIgnoreCase);

        // "script" twice (in the quoted tags) and "budget" twice.
        Assert.Equal(4, result.MatchCount);
    }

    [Fact]
    public void WithoutTermsOrMatches_TheHtmlIsReturnedUnchanged()
    {
        const string html = "<p>Nothing <em>here</em>.</p>";

        Assert.Equal(new HighlightedHtml(html, 0, false), highlighter.Highlight(html, new HashSet<string>(), []));
        Assert.Equal(new HighlightedHtml(html, 0, false), highlighter.Highlight(html, Terms("budget"), []));
        Assert.Equal(new HighlightedHtml("", 0, false), highlighter.Highlight("", Terms("budget"), []));
    }

    [Fact]
    public void Structure_IsKeptAroundTheMarks()
    {
        const string html = "<ul><li>Health <strong>funding</strong></li><li>More funding</li></ul><table><tbody><tr><td>funding</td></tr></tbody></table>";

        var result = highlighter.Highlight(html, Terms("funding"), []);

        var body = Parse(result.Html);
        Assert.Equal(3, result.MatchCount);
        Assert.NotNull(body.QuerySelector("li strong mark#match-1"));
        Assert.NotNull(body.QuerySelector("li:nth-child(2) mark#match-2"));
        Assert.NotNull(body.QuerySelector("td mark#match-3"));
    }
}
