using System.Net;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>A release opened from a search: its matches marked, a jump link, and its related releases.</summary>
public sealed partial class ReleaseHighlightTests(SearchAssistFixture site) : IClassFixture<SearchAssistFixture>
{
    private HttpClient Client => site.Client;

    private static string MarkedPath => $"/releases/{SearchAssistFixture.Marked.Slug}";

    /// <summary>"geothermal" as a whole word in the body as a reader sees it: link targets and titles are not text.</summary>
    private static int Occurrences(string markdown, string word) =>
        Regex.Matches(LinkTargets().Replace(markdown, "]"), $@"\b{word}\b", RegexOptions.IgnoreCase).Count;

    [Fact]
    public async Task EveryOccurrenceInTheBody_IsMarked_WithSequentialIdsAndAJumpLink()
    {
        var expected = Occurrences(SearchAssistFixture.Marked.Body, "geothermal");
        Assert.Equal(5, expected);

        var page = await Client.GetPageAsync($"{MarkedPath}?q=geothermal");
        var body = page.QuerySelector(".release__body")!;
        var marks = body.QuerySelectorAll("mark").ToList();
        Assert.Equal(expected, marks.Count);
        Assert.All(marks, m => Assert.Equal("geothermal", m.TextContent, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Enumerable.Range(1, expected).Select(i => $"match-{i}"), marks.Select(m => m.Id));

        var summary = page.QuerySelector(".match-summary")!;
        Assert.Contains($"{expected} matches for “geothermal”", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#match-1", summary.QuerySelector("a[href^='#']")?.GetAttribute("href"));
        Assert.Contains("Jump to the first match", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == MarkedPath && a.TextContent.Contains("Clear highlighting", StringComparison.Ordinal));

        // The title is marked too, and the permalink stays the canonical address.
        Assert.Equal("Geothermal", page.QuerySelector("article h1 mark")?.TextContent);
        Assert.Equal(SearchAssistFixture.Marked.Title, page.QuerySelector("article h1")!.TextContent.Trim());
        Assert.Equal(MarkedPath, new Uri(page.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!).PathAndQuery);
    }

    [Fact]
    public async Task Marking_ChangesNoTextAndNoAttribute()
    {
        var plain = await Client.GetPageAsync(MarkedPath);
        var marked = await Client.GetPageAsync($"{MarkedPath}?q=geothermal");
        var plainBody = plain.QuerySelector(".release__body")!;
        var markedBody = marked.QuerySelector(".release__body")!;

        Assert.Empty(plainBody.QuerySelectorAll("mark"));
        Assert.Equal(plainBody.TextContent, markedBody.TextContent);

        // Every element of the plain body is still there with the same attributes; the marks are all that was added.
        static IEnumerable<string> Elements(AngleSharp.Dom.IElement root, bool skipMarks) =>
            root.QuerySelectorAll("*")
                .Where(e => !skipMarks || e.LocalName != "mark")
                .Select(e => e.LocalName + string.Concat(e.Attributes.Select(a => $" {a.Name}=\"{a.Value}\"")));
        Assert.Equal(Elements(plainBody, false), Elements(markedBody, true));
        Assert.All(markedBody.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => Assert.DoesNotContain("<mark", a.Value, StringComparison.Ordinal));

        var link = markedBody.QuerySelector("a:not(.paragraph-link)")!;
        Assert.Equal("https://www.example.govt.nz/geothermal-strategy", link.GetAttribute("href"));
        Assert.NotNull(link.QuerySelector("mark"));
    }

    [Fact]
    public async Task StemsAndPrefixes_AreMarked_AsTheSearchMatchedThem()
    {
        var page = await Client.GetPageAsync($"{MarkedPath}?q=electric*%20supply");
        var marks = page.QuerySelectorAll(".release__body mark").Select(m => m.TextContent).ToList();
        Assert.Equal(["supplies", "electricity"], marks);
    }

    [Fact]
    public async Task WithoutASearch_ThePageHasNoMarksOrSummary()
    {
        var page = await Client.GetPageAsync(MarkedPath);
        Assert.Empty(page.QuerySelectorAll("mark"));
        Assert.Null(page.QuerySelector(".match-summary"));
    }

    [Fact]
    public async Task HostileSearchText_IsShownAsText_NeverAsMarkup()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> \"geothermal";
        var response = await Client.GetHtmlAsync($"{MarkedPath}?q={Uri.EscapeDataString(hostile)}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Document.QuerySelectorAll("script"));
        Assert.Empty(response.Document.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain("<script>alert", response.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(hostile.Trim(), response.Document.QuerySelector(".match-summary")!.TextContent, StringComparison.Ordinal);
        Assert.All(response.Document.QuerySelectorAll(".release__body mark"), m => Assert.Equal("geothermal", m.TextContent, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Release_ListsTheReleaseAboutTheSameSubjectAsRelated_NeverItself()
    {
        var a = SearchAssistFixture.KakapoA;
        var b = SearchAssistFixture.KakapoB;

        var page = await Client.GetPageAsync($"/releases/{a.Slug}");
        var section = page.QuerySelector("aside.related");
        Assert.NotNull(section);
        Assert.Equal("Related releases", section.QuerySelector("h2")?.TextContent.Trim());
        var links = section.QuerySelectorAll("li a").Select(l => (Href: l.GetAttribute("href"), Text: l.TextContent.Trim())).ToList();
        Assert.InRange(links.Count, 1, 5);
        Assert.Contains(($"/releases/{b.Slug}", b.Title), links);
        Assert.DoesNotContain(links, l => l.Href == $"/releases/{a.Slug}");
        var item = section.QuerySelectorAll("li").First(li => li.QuerySelector("a")?.GetAttribute("href") == $"/releases/{b.Slug}");
        Assert.Equal(b.Date, item.QuerySelector("time")?.GetAttribute("datetime"));

        var api = await Client.GetReleaseAsync(a.Slug);
        Assert.InRange(api.Related.Count, 1, 5);
        Assert.Contains(new ApiRelated(b.Slug, b.Title, b.Date), api.Related);
        Assert.DoesNotContain(api.Related, r => r.Slug == a.Slug);
        Assert.Equal(api.Related.Select(r => $"/releases/{r.Slug}"), links.Select(l => l.Href));
    }

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTargets();
}
