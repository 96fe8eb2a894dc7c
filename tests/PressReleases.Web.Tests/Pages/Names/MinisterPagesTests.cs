using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Names;

/// <summary>/ministers and /ministers/{slug} over releases written to spell one minister several ways.</summary>
public sealed class MinisterPagesTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    private static readonly string[] JaneSlugs = [NamesFixture.JaneFirst.Slug, NamesFixture.JaneSecond.Slug, NamesFixture.JaneWithSam.Slug];

    private HttpClient Client => site.Client;

    [Fact]
    public async Task HonRtHonDrAndThePlainName_AreOneMinister()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/ministers"), "/ministers");

        Assert.Equal(
            [new NameRow("jane-example", "Jane Example", 3, "2018–2019"), new NameRow("sam-sample", "Sam Sample", 3, "2019–2021")],
            rows);

        var facets = (await Client.GetReleaseListAsync()).Facets.Ministers;
        Assert.Equal([("jane-example", "Jane Example", 3), ("sam-sample", "Sam Sample", 3)], facets.Select(f => (f.Slug, f.Name, f.Count)).OrderBy(f => f.Slug));
    }

    [Fact]
    public async Task MinistersPage_ListsOnlyTheirReleases()
    {
        var document = await Client.GetPageAsync("/ministers/jane-example");
        Assert.Equal("Jane Example", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("3 releases", document.QuerySelector(".lede")?.TextContent, StringComparison.Ordinal);

        var page = ListingPage.Parse(document);
        Assert.Equal(3, page.Count);
        Assert.Equal(JaneSlugs.Order(), page.Slugs.Order());
        Assert.All(page.Results, r => Assert.Contains(r.Ministers, m => m.Slug == "jane-example" && m.Name == "Jane Example"));
        Assert.Equal("/ministers/jane-example", page.Document.QuerySelector("form.list-search")?.GetAttribute("action"));

        // The minister is the page's scope, not a filter: no minister facet, and a minister parameter cannot widen it.
        Assert.Empty(page.MinisterFacet);
        var widened = ListingPage.Parse(await Client.GetPageAsync("/ministers/jane-example?minister=sam-sample"));
        Assert.Equal(JaneSlugs.Order(), widened.Slugs.Order());
    }

    [Fact]
    public async Task MinistersPage_SearchesWithinTheirReleases()
    {
        var page = ListingPage.Parse(await Client.GetPageAsync("/ministers/jane-example?q=geothermal"));
        Assert.Equal(2, page.Count);
        Assert.Equal(new[] { NamesFixture.JaneFirst.Slug, NamesFixture.JaneSecond.Slug }.Order(), page.Slugs.Order());

        // Sam's geothermal release is found by the site-wide search, not on Jane's page.
        var everywhere = await Client.GetAllReleasesAsync("q=geothermal");
        Assert.Contains(everywhere, r => r.Slug == NamesFixture.SamSecond.Slug);
        Assert.Equal(3, everywhere.Count);

        var filtered = ListingPage.Parse(await Client.GetPageAsync("/ministers/sam-sample?q=fisheries&portfolio=fisheries"));
        Assert.Equal(new[] { NamesFixture.JaneWithSam.Slug, NamesFixture.SamFirst.Slug }.Order(), filtered.Slugs.Order());
    }

    [Fact]
    public async Task MinisterFilter_UsesTheSameSlugAsTheMinisterPage()
    {
        var fromFilter = await Client.GetAllReleasesAsync("minister=sam-sample");
        var fromPage = ListingPage.Parse(await Client.GetPageAsync("/ministers/sam-sample"));
        Assert.Equal(fromFilter.Select(r => r.Slug).Order(), fromPage.Slugs.Order());
        Assert.Equal(3, fromFilter.Count);
    }

    [Theory]
    [InlineData("/ministers/no-such-minister")]
    [InlineData("/ministers/Jane%20Example")]
    [InlineData("/ministers/hon-jane-example")]
    [InlineData("/ministers/..%2F..%2Fetc%2Fpasswd")]
    public async Task UnknownMinister_GivesAFriendly404(string url)
    {
        var response = await Client.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Page not found", response.Document.QuerySelector("h1")?.TextContent.Trim());
    }
}
