using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>The journeys a journalist takes, with real typing and clicks in Chromium, JavaScript on.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class SearchFlowTests(BrowserFixture site) : IAsyncLifetime
{
    private IPage page = null!;

    public async Task InitializeAsync() => page = await site.NewPageAsync();

    public Task DisposeAsync() => page.Context.CloseAsync();

    private ILocator ListSearchButton => page.Locator(".list-search button[type=submit]");

    [Fact]
    public async Task SearchFromTheHomePage_ListsResults_WithTheWordsMarked()
    {
        await page.OpenAsync("/");
        var box = page.GetByLabel("Search words");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("japan");
        await ListSearchButton.ClickAsync();

        await page.ArriveAsync(new Regex(@"/releases\?(.*&)?q=japan"));
        Assert.Equal("japan", await page.Locator("#q").InputValueAsync());
        var total = await page.ResultTotalAsync();
        Assert.InRange(total, 1, site.ExpectedReleases - 1);
        Assert.NotEmpty(await page.ResultTitlesAsync());
        var marks = await page.Locator(".results mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Contains("japan", mark, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SearchFromTheHeaderBox_OnAnotherPage()
    {
        await page.OpenAsync("/ministers");
        await page.Locator("#site-q").PressSequentiallyAsync("japan");
        await page.Locator("#site-q").PressAsync("Enter");

        await page.ArriveAsync(new Regex(@"/releases\?q=japan"));
        Assert.True(await page.ResultTotalAsync() > 0);
        Assert.True(await page.Locator(".results mark").CountAsync() > 0);
    }

    [Theory]
    [InlineData("facet-minister", "minister", "/ministers/", ".result__meta")]
    [InlineData("facet-portfolio", "portfolio", "/portfolios/", ".result__portfolios")]
    public async Task FacetClick_AddsAFilter_AndItsRemoveLinkTakesItAway(string facetId, string parameter, string linkPrefix, string resultPart)
    {
        await page.OpenAsync("/releases");
        var unfiltered = await page.ResultTotalAsync();
        Assert.Equal(site.ExpectedReleases, unfiltered);

        var facetLink = page.Locator($"section[aria-labelledby='{facetId}'] a.facet__link").First;
        var name = (await facetLink.Locator(".facet__name").InnerTextAsync()).Trim();
        var count = PageChecks.LeadingNumber(await facetLink.Locator(".facet__count").InnerTextAsync());
        await facetLink.ClickAsync();

        await page.ArriveAsync(new Regex($@"[?&]{parameter}="));
        var slug = Assert.Single(PageChecks.QueryValues(page.Url, parameter));
        Assert.Equal(count, await page.ResultTotalAsync());
        var selected = page.Locator($"section[aria-labelledby='{facetId}'] a.facet__link.is-selected");
        Assert.Equal(1, await selected.CountAsync());
        Assert.Equal(name, (await selected.Locator(".facet__name").InnerTextAsync()).Trim());

        // Every result on the page names the chosen minister or portfolio.
        var results = page.Locator(".results > .result");
        var shown = await results.CountAsync();
        Assert.InRange(shown, 1, 20);
        for (var i = 0; i < shown; i++)
        {
            Assert.Equal(1, await results.Nth(i).Locator($"{resultPart} a[href='{linkPrefix}{slug}']").CountAsync());
        }

        // The filter shows above the results and its "remove" link takes it away again.
        var chip = page.Locator(".active-filters li a", new() { HasText = name });
        await Assertions.Expect(chip).ToBeVisibleAsync();
        await chip.ClickAsync();
        await page.ArriveAsync(url => !PageChecks.QueryValues(url, parameter).Any());
        Assert.Equal(unfiltered, await page.ResultTotalAsync());
        Assert.Equal(0, await page.Locator(".active-filters").CountAsync());
    }

    [Fact]
    public async Task DateRangeTypedIntoTheDateInputs_LimitsTheResults()
    {
        await page.OpenAsync("/releases");

        // Two neighbouring years from the Year facet, so the expected total comes from the page itself.
        var years = await page.Locator("section[aria-labelledby='facet-year'] a.facet__link").EvaluateAllAsync<string[][]>(
            "links => links.map(a => [a.querySelector('.facet__name').textContent.trim(), a.querySelector('.facet__count').firstChild.textContent.trim()])");
        var counts = years.ToDictionary(y => int.Parse(y[0]), y => PageChecks.LeadingNumber(y[1]));
        var first = counts.Keys.Order().First(y => counts.ContainsKey(y + 1) && y > counts.Keys.Min());
        var expected = counts[first] + counts[first + 1];

        await page.Locator("#from").FillAsync($"{first}-01-01");
        await page.Locator("#to").FillAsync($"{first + 1}-12-31");
        await ListSearchButton.ClickAsync();

        await page.ArriveAsync(new Regex($@"from={first}-01-01.*to={first + 1}-12-31"));
        Assert.Equal(expected, await page.ResultTotalAsync());
        var dates = await page.ResultDatesAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(first, 1, 1), new DateOnly(first + 1, 12, 31)));
        Assert.Equal($"{first}-01-01", await page.Locator("#from").InputValueAsync());
        Assert.Equal($"{first + 1}-12-31", await page.Locator("#to").InputValueAsync());
        Assert.Equal(2, await page.Locator(".active-filters li").CountAsync());
    }

    [Fact]
    public async Task ChangingTheOrder_SortsTheDatesNewestOrOldestFirst()
    {
        await page.OpenAsync("/releases?q=government");

        await page.Locator("#sort").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await ListSearchButton.ClickAsync();
        await page.ArriveAsync(new Regex("sort=newest"));
        var newest = await page.ResultDatesAsync();
        Assert.True(newest.Count > 1, "Too few dated results to check an order.");
        Assert.Equal(newest.OrderDescending().ToList(), newest);

        await page.Locator("#sort").SelectOptionAsync(new SelectOptionValue { Label = "Oldest first" });
        await ListSearchButton.ClickAsync();
        await page.ArriveAsync(new Regex("sort=oldest"));
        var oldest = await page.ResultDatesAsync();
        Assert.True(oldest.Count > 1);
        Assert.Equal(oldest.Order().ToList(), oldest);
        Assert.True(oldest[0] < newest[0], $"Oldest first starts at {oldest[0]}, newest first at {newest[0]}.");
        Assert.Equal("oldest", await page.Locator("#sort").InputValueAsync());
    }

    [Fact]
    public async Task PagingForwardThenBack_RestoresThePreviousPage()
    {
        await page.OpenAsync("/releases?q=minister");
        var page1Url = page.Url;
        var page1First = (await page.ResultTitlesAsync())[0];

        await page.Locator(".pagination a[rel=next]").ClickAsync();
        await page.ArriveAsync(new Regex("page=2"));
        var page2Url = page.Url;
        var page2First = (await page.ResultTitlesAsync())[0];
        Assert.NotEqual(page1First, page2First);
        Assert.Equal("minister", await page.Locator("#q").InputValueAsync());
        Assert.Equal(2, PageChecks.LeadingNumber(await page.Locator(".pagination a[aria-current=page]").InnerTextAsync()));

        await page.Locator(".pagination a[rel=next]").ClickAsync();
        await page.ArriveAsync(new Regex("page=3"));
        Assert.NotEqual(page2First, (await page.ResultTitlesAsync())[0]);

        await page.GoBackAsync();
        Assert.Equal(page2Url, page.Url);
        Assert.Equal(page2First, (await page.ResultTitlesAsync())[0]);

        await page.GoBackAsync();
        Assert.Equal(page1Url, page.Url);
        Assert.Equal(page1First, (await page.ResultTitlesAsync())[0]);
        Assert.Equal("minister", await page.Locator("#q").InputValueAsync());
    }

    [Fact]
    public async Task Result_OpensItsPermalinkPage_WithTheTitle()
    {
        await page.OpenAsync("/releases?q=japan");
        var link = page.Locator(".results .result__title a").First;
        var title = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();

        await page.ArriveAsync(new Regex(@"/releases/[^/?]+\?q=japan$"));
        Assert.Equal(title, (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Contains(title, await page.TitleAsync());
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        Assert.EndsWith(new Uri(page.Url).AbsolutePath, canonical);
    }

    [Fact]
    public async Task MinisterLinkOnARelease_OpensTheMinisterPage()
    {
        await page.OpenAsync(await site.RichReleasePathAsync());
        var link = page.Locator(".release__people a[href^='/ministers/']").First;
        var name = (await link.InnerTextAsync()).Trim();
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();

        await page.ArriveAsync(new Regex(Regex.Escape(href!) + "$"));
        Assert.Equal(name, (await page.Locator("main h1").InnerTextAsync()).Trim());
        var total = await page.ResultTotalAsync();
        Assert.True(total > 0);
        var results = page.Locator(".results > .result");
        for (var i = 0; i < await results.CountAsync(); i++)
        {
            Assert.Equal(1, await results.Nth(i).Locator($".result__meta a[href='{href}']").CountAsync());
        }
    }

    [Fact]
    public async Task MisspelledCommonWord_OffersDidYouMean_AndTheSuggestionSearchesIt()
    {
        var (word, misspelled) = SeedWords.CommonWordMisspelled();

        await page.OpenAsync("/");
        await page.GetByLabel("Search words").PressSequentiallyAsync(misspelled);
        await ListSearchButton.ClickAsync();
        await page.ArriveAsync(new Regex($"q={misspelled}"));

        var suggestion = page.Locator(".did-you-mean a");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        Assert.Contains("Did you mean", await page.Locator(".did-you-mean").InnerTextAsync());
        Assert.Equal(word, (await suggestion.InnerTextAsync()).Trim());

        await suggestion.ClickAsync();
        await page.ArriveAsync(new Regex($"q={word}"));
        Assert.Equal(word, await page.Locator("#q").InputValueAsync());
        Assert.True(await page.ResultTotalAsync() > 0);
        Assert.True(await page.Locator(".results mark").CountAsync() > 0);
        Assert.Equal(0, await page.Locator(".did-you-mean").CountAsync());
    }
}
