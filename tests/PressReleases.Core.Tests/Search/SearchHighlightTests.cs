using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Highlighting;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>Highlighted titles and snippets in search results, against <see cref="SampleReleases"/>.</summary>
public sealed class SearchHighlightTests : SampleSearchTestBase
{
    [Fact]
    public async Task TitleHtml_MarksTheMatchedWord()
    {
        var result = await SearchAsync("japan");
        Assert.NotEmpty(result.Items);
        foreach (var hit in result.Items)
        {
            Assert.Equal(hit.Title.Replace("Japan", "<mark>Japan</mark>", StringComparison.Ordinal), hit.TitleHtml);
        }
    }

    /// <summary>Titles are marked from the postings' offsets; analysing the title again must mark exactly the same.</summary>
    [Theory]
    [InlineData("japan")]
    [InlineData("trade talks")]
    [InlineData("\"trade talks\"")]
    [InlineData("maori health")]
    [InlineData("scams invoices")]
    public async Task TitleHtml_FromThePostings_MarksWhatAnalysingTheTitleMarks(string query)
    {
        var analyzer = new ReleaseAnalyzer();
        var byAnalysis = new SnippetBuilder(analyzer);
        var terms = analyzer.Terms(IndexFields.Body, query.Replace("\"", "", StringComparison.Ordinal)).ToHashSet();

        var result = await SearchAsync(new SearchRequest { Query = query, PageSize = 50 });
        Assert.NotEmpty(result.Items);
        Assert.Contains(result.Items, hit => hit.TitleHtml.Contains("<mark>", StringComparison.Ordinal));
        foreach (var hit in result.Items)
        {
            Assert.Equal(byAnalysis.Highlight(hit.Title, terms, []), hit.TitleHtml);
        }
    }

    [Fact]
    public async Task SnippetHtml_MarksTheMatchedWord()
    {
        var hit = Assert.Single((await SearchAsync("tokyo")).Items);
        Assert.Contains("<mark>Tokyo</mark>", hit.SnippetHtml);
        Assert.DoesNotContain("<mark>", hit.TitleHtml);
    }

    [Fact]
    public async Task SnippetHtml_IsHtmlEncoded()
    {
        // The body holds the text "<script>alert(1)</script>" (raw HTML in markdown is text).
        var hit = Assert.Single((await SearchAsync("scam")).Items);
        Assert.Equal("email-scam", hit.Slug);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.Contains("<mark>scam</mark>", hit.SnippetHtml);
    }

    [Fact]
    public async Task TitleHtml_IsHtmlEncoded()
    {
        // Title "Warning about email scams & <b>fake</b> invoices" is stored as "... scams & fake invoices".
        var hit = Assert.Single((await SearchAsync("invoices")).Items);
        Assert.Equal("Warning about email scams & fake invoices", hit.Title);
        Assert.Contains("scams &amp; fake <mark>invoices</mark>", hit.TitleHtml);
        Assert.DoesNotContain(" & ", hit.TitleHtml);
        Assert.DoesNotContain("<b>", hit.TitleHtml);
    }

    [Fact]
    public async Task Highlights_FollowStemmingDiacriticsAndPrefixes()
    {
        var cooperating = (await SearchAsync("cooperating")).Items.Single(h => h.Slug == "japan-trade");
        Assert.Contains("<mark>cooperation</mark>", cooperating.SnippetHtml);

        var maori = (await SearchAsync("maori")).Items.Single(h => h.Slug == "maori-health");
        Assert.Contains("<mark>Māori</mark>", maori.TitleHtml);
        Assert.Contains("<mark>Māori</mark>", maori.SnippetHtml);

        var prefix = (await SearchAsync("japa*")).Items.Single(h => h.Slug == "japan-trade");
        Assert.Contains("<mark>Japanese</mark>", prefix.SnippetHtml);
        Assert.Contains("<mark>Japan</mark>", prefix.TitleHtml);
    }

    [Fact]
    public async Task Highlights_MarkEachWordOfAPhrase()
    {
        var hit = Assert.Single((await SearchAsync("\"trade talks\"")).Items);
        Assert.Equal("<mark>Trade</mark> <mark>talks</mark> with Japan", hit.TitleHtml);
    }

    [Fact]
    public async Task ExcludedWords_AreNotMarked()
    {
        var hit = Assert.Single((await SearchAsync("officials -scam")).Items);
        Assert.Contains("<mark>officials</mark>", hit.SnippetHtml);
        var all = (await SearchAsync("officials -zeppelin")).Items;
        Assert.All(all, h => Assert.DoesNotContain("<mark>zeppelin", h.SnippetHtml, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutAQuery_SnippetIsTheStartOfTheBodyUnmarked()
    {
        var result = await SearchAsync(new PressReleases.Core.Search.SearchRequest { PageSize = 100 });
        foreach (var hit in result.Items)
        {
            Assert.DoesNotContain("<mark>", hit.SnippetHtml + hit.TitleHtml);
            var firstWords = string.Join(' ', SampleReleases.All[hit.Slug].Body.Split(' ').Take(2));
            Assert.StartsWith(firstWords, hit.SnippetHtml, StringComparison.Ordinal);
        }
    }
}
