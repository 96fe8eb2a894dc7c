using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>The filter form's "Add minister" / "Add portfolio" boxes, and the year facet, over a written corpus.</summary>
public sealed class AddNameFilterTests(SearchAssistFixture site) : IClassFixture<SearchAssistFixture>
{
    private HttpClient Client => site.Client;

    private static int Naming(string person) => SearchAssistFixture.All.Count(s => s.Ministers.Contains(person));

    private async Task<string> MinisterSlugAsync(string displayName)
    {
        var facets = (await Client.GetReleaseListAsync("facetLimit=200")).Facets;
        return facets.Ministers.Single(m => m.Name == displayName).Slug;
    }

    private async Task<HttpResponseMessage> GetAsync(string url) => await Client.GetAsync(url);

    [Theory]
    [InlineData("Aroha Tānemahuta")]
    [InlineData("aroha tanemahuta")]
    [InlineData("AROHA TĀNEMAHUTA")]
    [InlineData("Hon Aroha Tanemahuta")]
    [InlineData("tanemahuta")]
    public async Task TypedMinisterName_RedirectsToTheCanonicalFilteredListing(string typed)
    {
        var slug = await MinisterSlugAsync("Aroha Tānemahuta");
        using var response = await GetAsync($"/releases?q=&addMinister={Uri.EscapeDataString(typed)}&addPortfolio=");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/releases?minister={slug}", location);

        var listing = ListingPage.Parse(await Client.GetPageAsync(location));
        Assert.Equal(Naming(SearchAssistFixture.Tanemahuta), listing.Count);
        Assert.All(listing.Results, r => Assert.Contains(r.Ministers, m => m.Slug == slug));
        Assert.Contains(listing.MinisterFacet, e => e.Selected && e.Name == "Aroha Tānemahuta");
    }

    [Fact]
    public async Task Adding_KeepsTheSearchAndTheOtherFilters()
    {
        var slug = await MinisterSlugAsync("Ben Carter");
        using var response = await GetAsync("/releases?q=exports&addMinister=Ben+Carter&addPortfolio=&from=2015-01-01&to=&sort=oldest&portfolio=trade&page=3");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("/releases", ListingPage.PathOf(location));
        Assert.Equal("exports", ListingPage.QueryValues(location, "q").ToString());
        Assert.Equal(slug, ListingPage.QueryValues(location, "minister").ToString());
        Assert.Equal("trade", ListingPage.QueryValues(location, "portfolio").ToString());
        Assert.Equal("2015-01-01", ListingPage.QueryValues(location, "from").ToString());
        Assert.Equal("oldest", ListingPage.QueryValues(location, "sort").ToString());
        Assert.Equal(0, ListingPage.QueryValues(location, "page").Count);
        Assert.Equal(0, ListingPage.QueryValues(location, "addMinister").Count);
    }

    [Fact]
    public async Task TypedPortfolioName_IsMatched_WhateverItsCase()
    {
        using var response = await GetAsync("/releases?addPortfolio=ENERGY+AND+RESOURCES");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/releases?portfolio=energy-and-resources", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OnAMinistersPage_APortfolioIsAddedToThatPage()
    {
        var slug = await MinisterSlugAsync("Aroha Tānemahuta");
        using var response = await GetAsync($"/ministers/{slug}?addPortfolio=trade");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/ministers/{slug}?portfolio=trade", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Nobody Atall", "No minister is called “Nobody Atall”")]
    [InlineData("Ben", "matches several ministers")]
    public async Task NameThatFindsNoOneMinister_IsANotice_NotAnError(string typed, string notice)
    {
        var response = await Client.GetHtmlAsync($"/releases?addMinister={Uri.EscapeDataString(typed)}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var warning = response.Document.QuerySelector(".notice--warning");
        Assert.NotNull(warning);
        Assert.Contains(notice, warning.TextContent, StringComparison.Ordinal);

        // Nothing was filtered.
        Assert.Equal(SearchAssistFixture.All.Count, ListingPage.Parse(response.Document).Count);
    }

    [Fact]
    public async Task Form_SuggestsEveryMinisterAndPortfolioOnce()
    {
        var page = await Client.GetPageAsync("/releases");
        var facets = (await Client.GetReleaseListAsync("facetLimit=200")).Facets;

        var ministerInput = page.QuerySelector("form.list-search input[name='addMinister']");
        Assert.NotNull(ministerInput);
        Assert.Equal("Add minister", page.QuerySelector($"label[for='{ministerInput.Id}']")?.TextContent.Trim());
        var ministerList = page.QuerySelectorAll($"datalist#{ministerInput.GetAttribute("list")}");
        Assert.Single(ministerList);
        Assert.Equal(facets.Ministers.Select(m => m.Name).Order(), ministerList[0].QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Order());

        var portfolioInput = page.QuerySelector("form.list-search input[name='addPortfolio']");
        Assert.NotNull(portfolioInput);
        Assert.Equal("Add portfolio", page.QuerySelector($"label[for='{portfolioInput.Id}']")?.TextContent.Trim());
        var portfolioList = page.QuerySelectorAll($"datalist#{portfolioInput.GetAttribute("list")}");
        Assert.Single(portfolioList);
        Assert.Equal(facets.Portfolios.Select(p => p.Name).Order(), portfolioList[0].QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Order());
    }

    [Fact]
    public async Task ChoosingAYear_SelectsIt_AndOffersToRemoveIt()
    {
        var start = ListingPage.Parse(await Client.GetPageAsync("/releases?q=geothermal"));
        var year = start.YearFacet.Single(e => e.Name == "2015");
        Assert.False(year.Selected);
        Assert.Equal("2015-01-01", ListingPage.QueryValues(year.Href, "from").ToString());
        Assert.Equal("2015-12-31", ListingPage.QueryValues(year.Href, "to").ToString());
        Assert.Equal("geothermal", ListingPage.QueryValues(year.Href, "q").ToString());

        var chosen = ListingPage.Parse(await Client.GetPageAsync(year.Href));
        var expected = SearchAssistFixture.All.Count(s => s.Date.StartsWith("2015", StringComparison.Ordinal) && s.Body.Contains("geothermal", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, chosen.Count);
        Assert.Equal(year.Count, chosen.Count);
        Assert.Contains(chosen.YearFacet, e => e.Selected && e.Name == "2015");

        var remove = chosen.Document.QuerySelectorAll(".active-filters a").Single(a => a.TextContent.Contains("Year: 2015", StringComparison.Ordinal));
        var href = remove.GetAttribute("href")!;
        Assert.Equal(0, ListingPage.QueryValues(href, "from").Count);
        Assert.Equal(0, ListingPage.QueryValues(href, "to").Count);
        Assert.Equal("geothermal", ListingPage.QueryValues(href, "q").ToString());
    }
}
