using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>
/// A site whose folder holds the whole hostile set of issue #6: script, event handlers, script and data
/// links and raw HTML in titles, bodies, minister and portfolio names and attachments, control characters
/// in a title, and broken files (which are rejected) beside them. Extends <see cref="RenderingSecurityTests"/>
/// from one release page to every place a release's text is shown.
/// </summary>
public sealed class HostileContentFixture() : SiteFixture("hostile-set")
{
    public const string Marker = "quokka";

    public static readonly ReleaseSpec ScriptEverywhere = ReleaseSpec.Make(
        "quokka-script-everywhere",
        "Quokka <script>alert('t1')</script> &lt;script&gt;alert('t2')&lt;/script&gt; <a href=\"javascript:alert('t3')\">link</a> &lt;img src=x onerror=alert('t4')&gt;",
        "2021-02-03",
        ["Hon <script>alert('m1')</script>Mallory Quokka", "Eve &lt;img src=x onerror=alert('m2')&gt; Quokka"],
        ["<img src=x onerror=alert('p1')> Quokka Affairs", "Quokka &lt;script&gt;alert('p2')&lt;/script&gt;"],
        """
        Quokka body, hostile in every way below.

        <script>alert('b1')</script>

        <img src=x onerror=alert('b2')> <b onclick="alert('b3')">bold</b> <svg onload=alert('b4')></svg> <iframe src="https://evil.example/"></iframe>

        [js](javascript:alert('b5')) [mixed](JaVaScRiPt:alert('b6')) [spaced]( javascript:alert('b7')) [entity](&#106;avascript:alert('b8'))

        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![image](javascript:alert('b9')) [vb](vbscript:msgbox('b10'))

        <javascript:alert('b11')> [ref][r] [titled](https://example.org/t "onmouseover=alert('b12')")

        [r]: javascript:alert('b13')

        <a href="javascript:alert('b14')">raw anchor</a> <style>body{display:none}</style> <form action="javascript:alert('b15')"><input></form>

        [a fine quokka link](https://example.org/quokka)
        """) with
    {
        Attachments = ["javascript:alert('a1')", "data:text/html,<script>alert('a2')</script>", "https://example.org/quokka.pdf?x=\"onmouseover=alert('a3')"],
    };

    /// <summary>Bell, escape, right-to-left override, zero-width joiner and a soft hyphen around the words.</summary>
    public static readonly ReleaseSpec ControlCharacters = ReleaseSpec.Make(
        "quokka-control-characters", "Quokka\u0007 census \u001B[2J\u202Etluser\u202C \u200Dcount\u00ADed", "2021-02-04", ["Mallory Quokka"], ["Conservation"], "Quokka census body.");

    public static readonly ReleaseSpec Plain = ReleaseSpec.Make(
        "plain-quokka-notes", "Plain quokka notes", "2021-02-05", ["Mallory Quokka"], ["Conservation"], "Nothing hostile about quokkas.");

    public static IReadOnlyList<ReleaseSpec> Releases => [ScriptEverywhere, ControlCharacters, Plain];

    protected override string PrepareSourceFolder()
    {
        var folder = Path.Combine(TempPath, "source");
        ReleaseFileWriter.WriteAll(folder, Releases);

        // Broken files beside them: rejected, never shown.
        File.WriteAllText(Path.Combine(folder, "alias-bomb.md"), "---\ntitle: \"<script>alert('x1')</script>\"\ndate: 2021-02-06\nurl: https://www.beehive.govt.nz/release/bomb\na: &a [lol, lol]\nb: &b [*a, *a]\n---\n\n<script>alert('x2')</script>\n");
        File.WriteAllText(Path.Combine(folder, "javascript-url.md"), "---\ntitle: quokka\ndate: 2021-02-06\nurl: \"javascript:alert('x3')\"\n---\n\nquokka\n");
        File.WriteAllBytes(Path.Combine(folder, "binary.md"), [0x3C, 0x73, 0x63, 0x00, 0xFF, 0xFE]);
        return folder;
    }

    protected override int CountExpectedReleases() => Releases.Count;
}

public sealed class HostileContentTests(HostileContentFixture site) : IClassFixture<HostileContentFixture>
{
    private HttpClient Client => site.Client;

    public static TheoryData<string> ReleaseSlugs() => [.. HostileContentFixture.Releases.Select(r => r.Slug)];

    [Theory]
    [MemberData(nameof(ReleaseSlugs))]
    public async Task ReleasePages_RunNothing_AndShowTheTitleAsText(string slug)
    {
        var page = await Client.GetPageAsync($"/releases/{slug}");
        AssertNothingExecutable(page, $"/releases/{slug}");

        var title = page.QuerySelector("article.release h1");
        Assert.NotNull(title);
        Assert.Empty(title.Children);
        Assert.DoesNotContain(title.TextContent, c => char.IsControl(c) || c is '\u202E' or '\u200D' or '\u00AD');
        if (slug == HostileContentFixture.ScriptEverywhere.Slug)
        {
            // Tags in the file's title are dropped; entity-encoded ones are text, shown as written.
            Assert.Equal("Quokka alert('t1') <script>alert('t2')</script> link <img src=x onerror=alert('t4')>", title.TextContent.Trim());
            Assert.Contains("<script>alert('t2')</script>", page.Title, StringComparison.Ordinal);
            Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/quokka");
        }
    }

    [Theory]
    [InlineData("/releases?q=quokka")]
    [InlineData("/releases?q=alert")]
    [InlineData("/releases?q=script")]
    [InlineData("/releases?q=onerror")]
    [InlineData("/releases?q=quokka&sort=newest&page=1")]
    [InlineData("/")]
    [InlineData("/ministers")]
    [InlineData("/portfolios")]
    [InlineData("/ministers?filter=quokka")]
    public async Task ListingsSearchResultsAndNameLists_RunNothing(string url)
    {
        var page = await Client.GetPageAsync(url);
        AssertNothingExecutable(page, url);
        Assert.Contains(HostileContentFixture.Marker, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MinisterAndPortfolioPages_OfHostileNames_RunNothing()
    {
        var release = await Client.GetReleaseAsync(HostileContentFixture.ScriptEverywhere.Slug);
        var urls = release.Ministers.Select(m => $"/ministers/{m.Slug}").Concat(release.Portfolios.Select(p => $"/portfolios/{p.Slug}")).ToList();
        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            var page = await Client.GetPageAsync(url);
            AssertNothingExecutable(page, url);
            Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains(HostileContentFixture.ScriptEverywhere.Slug, StringComparison.Ordinal) == true);
        }

        // A name with markup in it is kept as the file wrote it and shown as text.
        var portfolio = release.Portfolios.Single(p => p.Name.Contains("onerror", StringComparison.Ordinal));
        var portfolioPage = await Client.GetPageAsync($"/portfolios/{portfolio.Slug}");
        Assert.Contains(portfolio.Name, portfolioPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNameSuggestions_HoldHostileNamesAsValues_NotMarkup()
    {
        var release = await Client.GetReleaseAsync(HostileContentFixture.ScriptEverywhere.Slug);
        var page = await Client.GetPageAsync("/releases");
        AssertNothingExecutable(page, "/releases");

        var ministerValues = page.QuerySelectorAll("datalist#minister-names option").Select(o => o.GetAttribute("value")).ToList();
        var portfolioValues = page.QuerySelectorAll("datalist#portfolio-names option").Select(o => o.GetAttribute("value")).ToList();
        Assert.All(release.Ministers, m => Assert.Contains(m.Name, ministerValues));
        Assert.All(release.Portfolios, p => Assert.Contains(p.Name, portfolioValues));
        Assert.Contains(portfolioValues, v => v!.Contains("<img", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("datalist img, datalist script"));
    }

    [Fact]
    public async Task TheApi_GivesSanitisedHtmlSnippetsAndOnlyWebAttachments()
    {
        var release = await Client.GetReleaseAsync(HostileContentFixture.ScriptEverywhere.Slug);
        var html = new HtmlParser().ParseDocument("<body>" + release.Html);
        AssertNothingExecutable(html, "api html");
        Assert.Contains("<script>alert('b1')</script>", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(release.Attachments, a => Assert.StartsWith("https://", a, StringComparison.Ordinal));

        // The attachment with a quote in it stays one attribute value on the page.
        var page = await Client.GetPageAsync($"/releases/{release.Slug}");
        var quoted = release.Attachments.Single(a => a.Contains("onmouseover", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == quoted);

        foreach (var query in new[] { "q=quokka", "q=alert", "q=script", "q=onerror" })
        {
            var list = await Client.GetReleaseListAsync(query);
            Assert.NotEmpty(list.Items);
            foreach (var item in list.Items)
            {
                var snippet = new HtmlParser().ParseDocument("<body>" + item.Snippet).Body!;
                Assert.All(snippet.Children, c => Assert.Equal("MARK", c.TagName));
            }
        }
    }

    [Fact]
    public async Task TheFeed_CarriesTitlesAndSummariesAsPlainText()
    {
        using var response = await Client.GetAsync("/feeds/releases.atom?q=quokka");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(HostileContentFixture.Releases.Count, entries.Count);
        foreach (var text in entries.SelectMany(e => e.Elements().Where(x => x.Name == atom + "title" || x.Name == atom + "summary" || x.Name == atom + "content")))
        {
            Assert.True((string?)text.Attribute("type") is null or "text", $"<{text.Name.LocalName}> has type {(string?)text.Attribute("type")}");
            Assert.Empty(text.Elements());
        }

        var hostile = entries.Single(e => e.Elements(atom + "link").Any(l => ((string?)l.Attribute("href"))?.EndsWith(HostileContentFixture.ScriptEverywhere.Slug, StringComparison.Ordinal) == true));
        Assert.Contains("<script>alert('t2')</script>", hostile.Element(atom + "title")!.Value, StringComparison.Ordinal);
        var links = feed.Descendants(atom + "link").Select(l => (string?)l.Attribute("href") ?? "").ToList();
        Assert.All(links, href => Assert.True(href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal), href));
    }

    [Theory]
    [InlineData("/releases/quokka-script-everywhere/cite.bib")]
    [InlineData("/releases/quokka-script-everywhere/cite.ris")]
    [InlineData("/api/releases.csv?q=quokka")]
    [InlineData("/api/releases.ndjson?q=quokka")]
    public async Task Downloads_AreNeverServedAsHtml(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        Assert.DoesNotContain("html", mediaType, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nosniff", string.Join(",", response.Headers.TryGetValues("X-Content-Type-Options", out var values) ? values : []), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>No script, frame, image, embedded object or event handler, and no link to a script or data URL.</summary>
    private static void AssertNothingExecutable(IParentNode document, string context)
    {
        var elements = document.QuerySelectorAll("*").ToList();
        var active = elements.Where(e => e.LocalName is "script" or "iframe" or "img" or "object" or "embed" or "svg" or "frame" or "base" or "style" && !IsSiteOwn(e)).ToList();
        Assert.True(active.Count == 0, $"{context}: found {string.Join(" ", active.Select(e => e.OuterHtml))}");

        var handlers = elements.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{e.LocalName}[{a.Name}]")).ToList();
        Assert.True(handlers.Count == 0, $"{context}: event handler attributes {string.Join(", ", handlers)}");

        var scriptLinks = elements
            .SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction" or "srcset"))
            .Select(a => new string(a.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()))
            .Where(v => v.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(scriptLinks.Count == 0, $"{context}: script or data links {string.Join(", ", scriptLinks)}");
    }

    /// <summary>The site's own stylesheet link lives in the head as &lt;link&gt;; a &lt;style&gt; element from the page's layout would be in the head too.</summary>
    private static bool IsSiteOwn(IElement element) => element.LocalName == "style" && element.ParentElement?.LocalName == "head";
}
