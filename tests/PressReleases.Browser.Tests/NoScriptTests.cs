using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>The core journey with JavaScript switched off in the browser: plain forms and links do everything.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class NoScriptTests(BrowserFixture site) : IAsyncLifetime
{
    private IPage page = null!;

    public async Task InitializeAsync() => page = await site.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

    public Task DisposeAsync() => page.Context.CloseAsync();

    [Fact]
    public async Task WithoutJavaScript_SearchFilterPageAndOpenARelease()
    {
        // Proof that scripts really are off in this context.
        await page.OpenAsync("/");
        await page.SetContentAsync("<p id='x'>off</p><script>document.getElementById('x').textContent = 'on'</script>");
        Assert.Equal("off", await page.Locator("#x").InnerTextAsync());

        // Search.
        await page.OpenAsync("/");
        await page.Locator("#q").FillAsync("minister");
        await page.Locator(".list-search button[type=submit]").ClickAsync();
        await page.ArriveAsync(new Regex(@"/releases\?(.*&)?q=minister"));
        var total = await page.ResultTotalAsync();
        Assert.True(total > 20, $"Only {total} results for “minister”: too few to page.");
        Assert.True(await page.Locator(".results mark").CountAsync() > 0);

        // Filter by a minister from the facet list.
        var facetLink = page.Locator("section[aria-labelledby='facet-minister'] a.facet__link").First;
        var count = PageChecks.LeadingNumber(await facetLink.Locator(".facet__count").InnerTextAsync());
        await facetLink.ClickAsync();
        await page.ArriveAsync(new Regex("minister="));
        Assert.Equal(count, await page.ResultTotalAsync());
        Assert.Equal("minister", await page.Locator("#q").InputValueAsync());

        // Remove it again and page forward.
        await page.Locator(".active-filters li a").First.ClickAsync();
        await page.ArriveAsync(url => !url.Contains("minister=", StringComparison.Ordinal));
        Assert.Equal(total, await page.ResultTotalAsync());
        var firstOnPage1 = (await page.ResultTitlesAsync())[0];
        await page.Locator(".pagination a[rel=next]").ClickAsync();
        await page.ArriveAsync(new Regex("page=2"));
        Assert.NotEqual(firstOnPage1, (await page.ResultTitlesAsync())[0]);

        // Open a release.
        var link = page.Locator(".results .result__title a").First;
        var title = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await page.ArriveAsync(new Regex(@"/releases/[^/?]+\?q=minister$"));
        Assert.Equal(title, (await page.Locator("article.release h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".release__body").IsVisibleAsync());
    }

    [Fact]
    public async Task WithoutJavaScript_DateRangeAndSortWork()
    {
        await page.OpenAsync("/releases");
        await page.Locator("#from").FillAsync("2010-01-01");
        await page.Locator("#sort").SelectOptionAsync(new SelectOptionValue { Label = "Oldest first" });
        await page.Locator(".list-search button[type=submit]").ClickAsync();
        await page.ArriveAsync(new Regex("from=2010-01-01"));
        var dates = await page.ResultDatesAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(d >= new DateOnly(2010, 1, 1)));
        Assert.Equal(dates.Order().ToList(), dates);
    }
}
