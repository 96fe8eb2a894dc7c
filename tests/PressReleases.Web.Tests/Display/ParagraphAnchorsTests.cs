using PressReleases.Web.Display;

namespace PressReleases.Web.Tests.Display;

/// <summary>Numbering a body's paragraphs: every &lt;p&gt; in document order, nested ones too, nothing else touched.</summary>
public sealed class ParagraphAnchorsTests
{
    private const string Body =
        "<h2>Heading</h2>\n<p>First <strong>one</strong>.</p>\n<ul>\n<li><p>In a list.</p></li>\n</ul>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<p>Last &amp; final.</p>\n";

    [Fact]
    public void EveryParagraph_GetsItsNumber_AndALinkBeforeItsEnd()
    {
        var html = ParagraphAnchors.Add(Body, n => $"/releases/x?p={n}#p{n}");

        Assert.Equal(
            "<h2>Heading</h2>\n" +
            "<p id=\"p1\">First <strong>one</strong>. <a class=\"paragraph-link\" href=\"/releases/x?p=1#p1\" aria-label=\"Link to paragraph 1\">¶</a></p>\n" +
            "<ul>\n<li><p id=\"p2\">In a list. <a class=\"paragraph-link\" href=\"/releases/x?p=2#p2\" aria-label=\"Link to paragraph 2\">¶</a></p></li>\n</ul>\n" +
            "<blockquote>\n<p id=\"p3\">Quoted. <a class=\"paragraph-link\" href=\"/releases/x?p=3#p3\" aria-label=\"Link to paragraph 3\">¶</a></p>\n</blockquote>\n" +
            "<p id=\"p4\">Last &amp; final. <a class=\"paragraph-link\" href=\"/releases/x?p=4#p4\" aria-label=\"Link to paragraph 4\">¶</a></p>\n",
            html);
        Assert.Equal(4, ParagraphAnchors.Count(Body));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("4", 4)]
    [InlineData("5", null)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("2x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_NamesOnlyAParagraphTheBodyHas(string? value, int? expected)
    {
        Assert.Equal(expected, ParagraphAnchors.Parse(value, Body));
    }

    [Fact]
    public void ABodyWithoutParagraphs_IsLeftAsItIs()
    {
        const string Table = "<table><tr><td>a</td></tr></table>";

        Assert.Equal(Table, ParagraphAnchors.Add(Table, n => "#"));
        Assert.Equal(0, ParagraphAnchors.Count(Table));
    }
}
