using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Citations;

/// <summary>"Cite this release" on the permalink page and the .bib/.ris downloads, over HTTP with the clock stopped.</summary>
public sealed class CitationHttpTests(CitationSiteFixture site) : IClassFixture<CitationSiteFixture>
{
    private HttpClient Client => site.Client;

    private static string Base => "http://localhost";

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Page_CitesTheRelease_WithMinistersTitleYearAndTheFixedRetrievalDate()
    {
        var spec = CitationSiteFixture.Covid;
        var page = await Client.GetPageAsync($"/releases/{spec.Slug}");
        var section = page.QuerySelector("section.release__cite");
        Assert.NotNull(section);
        var text = Collapse(section.QuerySelector("p.citation")!.TextContent);

        Assert.Equal(
            $"Ardern, J., & Robertson, G. (2020, March 23). {spec.Title} [Press release]. New Zealand Government. {spec.Url} " +
            $"(retrieved {CitationSiteFixture.RetrievedText} from PressReleases: {Base}/releases/{spec.Slug})",
            text);
        foreach (var minister in spec.Ministers)
        {
            Assert.Contains(minister.Split(' ')[^1], text, StringComparison.Ordinal);
        }

        Assert.Equal(spec.Title, section.QuerySelector("p.citation cite")?.TextContent);
        var links = section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/releases/{spec.Slug}/cite.bib", links);
        Assert.Contains($"/releases/{spec.Slug}/cite.ris", links);
    }

    [Fact]
    public async Task ReleaseWithoutMinistersOrDate_IsCitedToTheGovernment_WithNd()
    {
        var spec = CitationSiteFixture.Anonymous;
        var page = await Client.GetPageAsync($"/releases/{spec.Slug}");
        var text = Collapse(page.QuerySelector("section.release__cite p.citation")!.TextContent);
        Assert.StartsWith($"New Zealand Government. (n.d.). {spec.Title} [Press release]. {spec.Url}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BibTex_DownloadsAsAnAttachment_AndParses()
    {
        var spec = CitationSiteFixture.Covid;
        using var response = await Client.GetAsync($"/releases/{spec.Slug}/cite.bib");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"attachment; filename=\"{spec.Slug}.bib\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));

        var entry = BibEntry.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("misc", entry.Type);
        Assert.Equal("beehive2020nz", entry.Key);
        Assert.Equal("Ardern, Jacinda and Robertson, Grant", entry.Fields["author"]);
        Assert.Equal("{" + spec.Title + "}", entry.Fields["title"]);
        Assert.Equal("2020", entry.Fields["year"]);
        Assert.Equal("mar", entry.Fields["month"]);
        Assert.Equal("2020-03-23", entry.Fields["date"]);
        Assert.Equal(spec.Url, entry.Fields["url"]);
        Assert.Equal("2026-11-28", entry.Fields["urldate"]);
        Assert.Contains($"{Base}/releases/{spec.Slug}", entry.Fields["note"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ris_DownloadsAsAnAttachment_AndParses()
    {
        var spec = CitationSiteFixture.Covid;
        using var response = await Client.GetAsync($"/releases/{spec.Slug}/cite.ris");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"attachment; filename=\"{spec.Slug}.ris\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));

        var record = RisRecord.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PRESS", record.Single("TY"));
        Assert.Equal(["Ardern, Jacinda", "Robertson, Grant"], record.Values("AU"));
        Assert.Equal(spec.Title, record.Single("TI"));
        Assert.Equal("2020", record.Single("PY"));
        Assert.Equal("2020/03/23/", record.Single("DA"));
        Assert.Equal(spec.Url, record.Single("UR"));
        Assert.Equal("2026/11/28/", record.Single("Y2"));
        Assert.Contains($"{Base}/releases/{spec.Slug}", record.Single("N1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpecialCharacters_AreEscapedInBibTex_AndKeptAsTheyAreInRis()
    {
        var spec = CitationSiteFixture.Special;
        var bib = BibEntry.Parse(await Client.GetStringAsync($"/releases/{spec.Slug}/cite.bib"));
        Assert.Equal(@"{Tax \& spending: 100\% of the new\_rules \{draft\} for Māori trusts}", bib.Fields["title"]);

        var ris = RisRecord.Parse(await Client.GetStringAsync($"/releases/{spec.Slug}/cite.ris"));
        Assert.Equal(spec.Title, ris.Single("TI"));

        var page = await Client.GetPageAsync($"/releases/{spec.Slug}");
        Assert.Equal(spec.Title, page.QuerySelector("section.release__cite p.citation cite")?.TextContent);
    }

    [Theory]
    [InlineData("cite.bib")]
    [InlineData("cite.ris")]
    public async Task UnknownReleases_Answer404_AndWithdrawnOnes410(string file)
    {
        using var unknown = await Client.GetAsync($"/releases/no-such-release/{file}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var gone = await Client.GetAsync($"/releases/{CitationSiteFixture.Withdrawn.Slug}/{file}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task WithdrawnReleasePage_OffersNoCitation()
    {
        var page = await Client.GetHtmlAsync($"/releases/{CitationSiteFixture.Withdrawn.Slug}");
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Null(page.Document.QuerySelector("section.release__cite"));
    }

    [Fact]
    public async Task LinkPreviewMeta_DescribesTheRelease()
    {
        var spec = CitationSiteFixture.Covid;
        var page = await Client.GetPageAsync($"/releases/{spec.Slug}");
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        var title = page.QuerySelector("article.release h1")!.TextContent.Trim();
        Assert.Equal(spec.Title, title);
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
        Assert.Equal(title, Meta("meta[property='og:title']"));
        Assert.Equal(title, Meta("meta[name='twitter:title']"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("PressReleases", Meta("meta[property='og:site_name']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal("2020-03-23", Meta("meta[property='article:published_time']"));

        var canonical = Assert.Single(page.QuerySelectorAll("link[rel='canonical']")).GetAttribute("href");
        Assert.Equal($"{Base}/releases/{spec.Slug}", canonical);
        Assert.Equal(canonical, Meta("meta[property='og:url']"));

        var authors = page.QuerySelectorAll("meta[property='article:author']").Select(m => m.GetAttribute("content")).ToList();
        Assert.Equal(spec.Ministers.Select(ReleaseFileReader.StripHonorifics), authors);

        // The body is longer than a preview: its opening, cut at a word, with an ellipsis.
        var description = Meta("meta[property='og:description']")!;
        Assert.Equal(description, Meta("meta[name='twitter:description']"));
        Assert.True(description.Length <= 201, description);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.StartsWith(description[..^1], spec.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetaValues_AreAttributeEncoded()
    {
        var spec = CitationSiteFixture.Special;
        var html = (await Client.GetHtmlAsync($"/releases/{spec.Slug}")).Html;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(spec.Title, document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.DoesNotContain("content=\"Tax & spending", html, StringComparison.Ordinal);
    }
}
