using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

public sealed class HostileReleaseFixture() : WrittenFilesFixture("hostile")
{
    public const string EncodedTagText = "<script>alert(2)</script>";

    public static readonly ReleaseSpec Hostile = ReleaseSpec.Make(
        "zebrafish-policy-update",
        "Zebrafish <script>alert('title')</script> update &lt;script&gt;alert(2)&lt;/script&gt; <img src=x onerror=alert(3)>",
        "2020-05-06",
        ["Hon Mallory Attacker"],
        ["Fisheries"],
        """
        Zebrafish policy paragraph one.

        <script>alert(1)</script>

        [x](javascript:alert(1))

        <img src=x onerror=alert(1)>

        [mixed case](JaVaScRiPt:alert(6))

        [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        ![picture](javascript:alert(5))

        <a href="javascript:alert(4)">raw anchor</a>

        <iframe src="https://evil.example/"></iframe>

        Inline <b onclick="alert(7)">bold</b> text and <svg onload=alert(8)></svg> shapes.

        [a fine link](https://example.org/page)
        """);

    public static readonly ReleaseSpec Plain = ReleaseSpec.Make(
        "plain-zebrafish-notes", "Plain zebrafish notes", "2020-05-07", ["Mallory Attacker"], ["Fisheries"], "Nothing hostile about zebrafish here.");

    protected override IReadOnlyList<ReleaseSpec> Releases => [Hostile, Plain];
}

/// <summary>Markup in release files and in the query string is shown as text, never run.</summary>
public sealed class RenderingSecurityTests(HostileReleaseFixture site) : IClassFixture<HostileReleaseFixture>
{
    private static readonly string Slug = HostileReleaseFixture.Hostile.Slug;

    private HttpClient Client => site.Client;

    [Fact]
    public async Task ReleasePage_ShowsHostileMarkupAsText()
    {
        var page = await Client.GetPageAsync($"/releases/{Slug}");
        AssertNothingExecutable(page, $"/releases/{Slug}");

        var body = page.QuerySelector(".release__body");
        Assert.NotNull(body);
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", body.TextContent, StringComparison.Ordinal);
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/page");

        var title = page.QuerySelector("article.release h1");
        Assert.NotNull(title);
        Assert.Empty(title.Children);
        Assert.StartsWith("Zebrafish", title.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(HostileReleaseFixture.EncodedTagText, title.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileReleaseFixture.EncodedTagText, page.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/releases")]
    [InlineData("/releases?q=zebrafish")]
    [InlineData("/releases?q=script")]
    [InlineData("/releases?q=alert")]
    [InlineData("/releases?q=onerror")]
    [InlineData("/ministers/mallory-attacker")]
    [InlineData("/ministers/mallory-attacker?q=script")]
    [InlineData("/portfolios/fisheries?q=alert")]
    public async Task Listings_ShowTheHostileTitleAndSnippetAsText(string url)
    {
        var document = await Client.GetPageAsync(url);
        AssertNothingExecutable(document, url);

        var page = ListingPage.Parse(document);
        var hostile = page.Results.SingleOrDefault(r => r.Slug == Slug);
        Assert.NotNull(hostile);
        Assert.Contains(HostileReleaseFixture.EncodedTagText, hostile.Title, StringComparison.Ordinal);
        Assert.All(hostile.TitleElement.Children, c => Assert.Equal("MARK", c.TagName));
        Assert.All(hostile.Snippet?.Children ?? Enumerable.Empty<IElement>(), c => Assert.Equal("MARK", c.TagName));
    }

    [Fact]
    public async Task Api_GivesSanitisedHtml()
    {
        var release = await Client.GetReleaseAsync(Slug);
        Assert.DoesNotContain("<script", release.Html, StringComparison.OrdinalIgnoreCase);

        var html = new HtmlParser().ParseDocument("<body>" + release.Html);
        AssertNothingExecutable(html, "/api/releases/" + Slug + " html");
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent, StringComparison.Ordinal);

        var list = await Client.GetReleaseListAsync("q=alert");
        var item = list.Items.Single(i => i.Slug == Slug);
        Assert.DoesNotContain("<script", item.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", item.Snippet, StringComparison.OrdinalIgnoreCase);
        var snippet = new HtmlParser().ParseDocument("<body>" + item.Snippet);
        Assert.All(snippet.Body!.Children, c => Assert.Equal("MARK", c.TagName));
    }

    [Theory]
    [InlineData("/releases?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/releases?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(9)%3E")]
    [InlineData("/releases?from=%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/releases?sort=%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/releases?minister=%3Cimg%20src%3Dx%20onerror%3Dalert(9)%3E")]
    [InlineData("/releases/zebrafish-policy-update?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/ministers?filter=%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/ministers/mallory-attacker?q=%22%3E%3Cscript%3Ealert(9)%3C%2Fscript%3E")]
    [InlineData("/trends?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E&split=minister")]
    [InlineData("/trends?minister=mallory-attacker&q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(9)%3E&measure=share")]
    public async Task MarkupInTheQueryString_IsShownAsText(string url)
    {
        var response = await Client.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertNothingExecutable(response.Document, url);
        Assert.Contains("alert(9)", response.Document.Body!.TextContent + string.Concat(response.Document.QuerySelectorAll("input").Select(i => i.GetAttribute("value"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlugWithMarkup_GivesAClean404()
    {
        var response = await Client.GetHtmlAsync("/releases/%3Cscript%3Ealert(9)%3C%2Fscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        AssertNothingExecutable(response.Document, "404 page");
    }

    /// <summary>No script, frame, image, embedded object or event handler, and no link to a script or data URL: nothing on the page can run.</summary>
    private static void AssertNothingExecutable(IParentNode document, string context)
    {
        var elements = document.QuerySelectorAll("*").ToList();
        // The site draws two SVGs of its own, the timeline on minister and portfolio pages and the bar charts of /trends;
        // names and the query reach them only as encoded text (a script inside one would still be found, as a script).
        // Any other SVG came from content.
        var active = elements
            .Where(e => e.LocalName is "script" or "iframe" or "img" or "object" or "embed" or "svg" or "frame" or "base")
            .Where(e => !(e.LocalName == "svg" && (e.ClassList.Contains("timeline__chart") || e.ClassList.Contains("trend__chart"))))
            .ToList();
        Assert.True(active.Count == 0, $"{context}: found <{string.Join(">, <", active.Select(e => e.LocalName))}> elements: {string.Join(" ", active.Select(e => e.OuterHtml))}");

        var handlers = elements.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{e.LocalName}[{a.Name}]")).ToList();
        Assert.True(handlers.Count == 0, $"{context}: event handler attributes {string.Join(", ", handlers)}");

        var scriptLinks = elements
            .SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction"))
            .Select(a => a.Value.Trim())
            .Where(v => v.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(scriptLinks.Count == 0, $"{context}: script or data links {string.Join(", ", scriptLinks)}");
    }
}
