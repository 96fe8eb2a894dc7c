using System.Net;
using System.Xml.Linq;
using PressReleases.Web.Tests.Citations;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Discovery;

/// <summary>Reads sitemaps over HTTP: the index's child files and their URLs.</summary>
internal static class Sitemaps
{
    public static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static async Task<XDocument> GetXmlAsync(HttpClient client, string url, string mediaType = "application/xml")
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every child sitemap's location, from the index.</summary>
    public static async Task<List<string>> ChildrenAsync(HttpClient client)
    {
        var index = await GetXmlAsync(client, "/sitemap.xml");
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        return index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
    }

    public static async Task<List<(string Loc, string? LastMod)>> UrlsAsync(HttpClient client, string absoluteUrl)
    {
        var doc = await GetXmlAsync(client, new Uri(absoluteUrl).PathAndQuery);
        Assert.Equal(Ns + "urlset", doc.Root!.Name);
        return doc.Root.Elements(Ns + "url").Select(u => (u.Element(Ns + "loc")!.Value, u.Element(Ns + "lastmod")?.Value)).ToList();
    }
}

/// <summary>Sitemaps split into files of two URLs, robots.txt and OpenSearch, over written releases (one withdrawn).</summary>
public sealed class DiscoveryTests(CitationSiteFixture site) : IClassFixture<CitationSiteFixture>
{
    private const string Base = "http://localhost";

    private HttpClient Client => site.Client;

    [Fact]
    public async Task SitemapIndex_SplitsCurrentReleasesOverFiles_ThatCoverEachExactlyOnce()
    {
        var children = await Sitemaps.ChildrenAsync(Client);
        var current = await Client.GetAllReleasesAsync();
        var expectedFiles = (current.Count + CitationSiteFixture.SitemapUrlsPerFile - 1) / CitationSiteFixture.SitemapUrlsPerFile;
        Assert.True(expectedFiles > 1, "The fixture should need more than one release file.");
        Assert.Equal(
            [$"{Base}/sitemaps/pages.xml", .. Enumerable.Range(1, expectedFiles).Select(n => $"{Base}/sitemaps/releases-{n}.xml")],
            children);

        var listed = new List<(string Loc, string? LastMod)>();
        foreach (var child in children.Where(c => c.Contains("/releases-", StringComparison.Ordinal)))
        {
            var urls = await Sitemaps.UrlsAsync(Client, child);
            Assert.InRange(urls.Count, 1, CitationSiteFixture.SitemapUrlsPerFile);
            listed.AddRange(urls);
        }

        Assert.Equal(
            current.Select(r => $"{Base}/releases/{r.Slug}").Order(StringComparer.Ordinal),
            listed.Select(u => u.Loc).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(listed, u => u.Loc.EndsWith("/" + CitationSiteFixture.Withdrawn.Slug, StringComparison.Ordinal));

        // lastmod is the release date where one is known, and absent where it is not.
        foreach (var release in current)
        {
            Assert.Equal(release.Date, listed.Single(u => u.Loc == $"{Base}/releases/{release.Slug}").LastMod);
        }

        using var beyond = await Client.GetAsync($"/sitemaps/releases-{expectedFiles + 1}.xml");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        using var zero = await Client.GetAsync("/sitemaps/releases-0.xml");
        Assert.Equal(HttpStatusCode.NotFound, zero.StatusCode);
    }

    [Fact]
    public async Task PagesSitemap_ListsTheFixedPages_AndEveryMinisterAndPortfolio()
    {
        var urls = (await Sitemaps.UrlsAsync(Client, $"{Base}/sitemaps/pages.xml")).Select(u => u.Loc).ToList();
        foreach (var path in new[] { "/", "/ministers", "/portfolios", "/help/search" })
        {
            Assert.Contains(Base + path, urls);
        }

        var facets = (await Client.GetReleaseListAsync("facetLimit=100")).Facets;
        foreach (var minister in facets.Ministers)
        {
            Assert.Contains($"{Base}/ministers/{minister.Slug}", urls);
        }

        foreach (var portfolio in facets.Portfolios)
        {
            Assert.Contains($"{Base}/portfolios/{portfolio.Slug}", urls);
        }

        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Equal(4 + facets.Ministers.Count + facets.Portfolios.Count, urls.Count);
    }

    [Fact]
    public async Task Robots_AllowsCrawling_KeepsOutBulkExports_AndNamesTheSitemap()
    {
        using var response = await Client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /api/releases.csv", lines);
        Assert.Contains("Disallow: /api/releases.ndjson", lines);
        Assert.DoesNotContain("Disallow: /", lines);
        Assert.DoesNotContain("Disallow: /api/", lines);
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", lines);
    }

    [Fact]
    public async Task OpenSearch_DescribesTheSearch_WithAbsoluteTemplates()
    {
        XNamespace os = "http://a9.com/-/spec/opensearch/1.1/";
        var doc = await Sitemaps.GetXmlAsync(Client, "/opensearch.xml", "application/opensearchdescription+xml");
        var root = doc.Root!;
        Assert.Equal(os + "OpenSearchDescription", root.Name);
        Assert.Equal("PressReleases", root.Element(os + "ShortName")?.Value);
        Assert.Equal("UTF-8", root.Element(os + "InputEncoding")?.Value);
        var templates = root.Elements(os + "Url").ToDictionary(u => (string)u.Attribute("type")!, u => (string)u.Attribute("template")!);
        Assert.Equal($"{Base}/releases?q={{searchTerms}}", templates["text/html"]);
        Assert.Equal($"{Base}/feeds/releases.atom?q={{searchTerms}}", templates["application/atom+xml"]);

        // The template, filled in, is a working search.
        var filled = new Uri(templates["text/html"].Replace("{searchTerms}", "harbour", StringComparison.Ordinal)).PathAndQuery;
        var results = ListingPage.Parse(await Client.GetPageAsync(filled));
        Assert.Contains(CitationSiteFixture.Extra.Slug, results.Slugs);
    }
}

/// <summary>The sitemap over the seeds with the protocol's own file size: one release file holding every release.</summary>
public sealed class SeedsSitemapTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    [Fact]
    public async Task EverySeedRelease_IsInTheSitemapExactlyOnce()
    {
        var children = await Sitemaps.ChildrenAsync(site.Client);
        Assert.Equal(["http://localhost/sitemaps/pages.xml", "http://localhost/sitemaps/releases-1.xml"], children);

        var listed = (await Sitemaps.UrlsAsync(site.Client, children[1])).Select(u => u.Loc).ToList();
        var current = await site.Client.GetAllReleasesAsync();
        Assert.Equal(site.ExpectedReleases, current.Count);
        Assert.Equal(
            current.Select(r => $"http://localhost/releases/{r.Slug}").Order(StringComparer.Ordinal),
            listed.Order(StringComparer.Ordinal));
    }
}
