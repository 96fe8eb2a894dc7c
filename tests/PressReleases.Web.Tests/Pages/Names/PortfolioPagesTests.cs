using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Names;

/// <summary>/portfolios and /portfolios/{slug} over releases that spell "Māori Affairs" with and without the macron.</summary>
public sealed class PortfolioPagesTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task MaoriAffairs_WithAndWithoutTheMacron_IsOnePortfolio()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/portfolios"), "/portfolios");

        // Three files spell it "Māori Affairs", one "Maori Affairs": one portfolio, shown with the more frequent spelling.
        Assert.Equal(
            [new NameRow("fisheries", "Fisheries", 2, "2019–2020"), new NameRow("maori-affairs", "Māori Affairs", 4, "2018–2021")],
            rows.OrderBy(r => r.Slug, StringComparer.Ordinal));

        var facet = (await Client.GetReleaseListAsync()).Facets.Portfolios;
        Assert.Equal([("maori-affairs", "Māori Affairs", 4), ("fisheries", "Fisheries", 2)], facet.Select(f => (f.Slug, f.Name, f.Count)));

        // The release whose file says "Maori Affairs" is listed under the one portfolio.
        var release = await Client.GetReleaseAsync(NamesFixture.JaneFirst.Slug);
        Assert.Equal([new ApiName("maori-affairs", "Māori Affairs")], release.Portfolios);
    }

    [Fact]
    public async Task PortfoliosPage_ListsItsReleases_AndSearchesWithinThem()
    {
        var document = await Client.GetPageAsync("/portfolios/maori-affairs");
        Assert.Equal("Māori Affairs", document.QuerySelector("h1")?.TextContent.Trim());
        var page = ListingPage.Parse(document);
        var expected = NamesFixture.All.Where(r => r.Portfolios.Any(p => p.Contains("ori Affairs", StringComparison.Ordinal))).Select(r => r.Slug).Order().ToList();
        Assert.Equal(expected, page.Slugs.Order());
        Assert.Empty(page.PortfolioFacet);

        var searched = ListingPage.Parse(await Client.GetPageAsync("/portfolios/maori-affairs?q=geothermal"));
        var expectedSearch = NamesFixture.All
            .Where(r => expected.Contains(r.Slug) && r.Body.Contains("geothermal", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Slug).Order().ToList();
        Assert.Equal(expectedSearch, searched.Slugs.Order());
        Assert.Equal(expectedSearch.Count, searched.Count);
    }

    [Fact]
    public async Task FilteringTheListByMaori_FindsTheMacronSpelling()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/portfolios?filter=maori"), "/portfolios");
        Assert.Equal(["maori-affairs"], rows.Select(r => r.Slug));
    }

    [Fact]
    public async Task SearchingMaori_FindsTheMacronSpelling()
    {
        var plain = await Client.GetAllReleasesAsync("q=portfolio:maori-affairs");
        var macron = await Client.GetAllReleasesAsync("q=" + Uri.EscapeDataString("portfolio:\"Māori Affairs\""));
        Assert.Equal(4, plain.Count);
        Assert.Equal(plain.Select(r => r.Slug).Order(), macron.Select(r => r.Slug).Order());
    }

    [Theory]
    [InlineData("/portfolios/no-such-portfolio")]
    [InlineData("/portfolios/M%C4%81ori%20Affairs")]
    public async Task UnknownPortfolio_GivesAFriendly404(string url)
    {
        var response = await Client.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Page not found", response.Document.QuerySelector("h1")?.TextContent.Trim());
    }
}
