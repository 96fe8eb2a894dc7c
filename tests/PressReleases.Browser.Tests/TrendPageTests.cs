using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>/trends in Chromium: axe finds nothing at desktop and phone widths, the page fits a phone, and without JavaScript a listing's link and the form lead to its trend, split and as shares.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class TrendPageTests(BrowserFixture site)
{
    public static TheoryData<string, int, int> Pages
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var path in new[] { "/trends", "/trends?q=japan&split=minister", "/trends?q=japan&from=2014-01-01&to=2015-06-30&measure=share&split=portfolio" })
            {
                data.Add(path, 1280, 900);
                data.Add(path, 375, 812);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Trend_HasNoAxeViolations_AndFitsTheScreen(string path, int width, int height)
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        try
        {
            await page.OpenAsync(path);
            Assert.True(await page.Locator("svg.trend__chart").CountAsync() >= 1);
            await page.AssertNoAxeViolationsAsync($"{path} at {width}×{height}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"trend-{Regex.Replace(path, "[^a-z0-9]+", "-")}-{width}x{height}.png"), FullPage = true });

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} scrolls sideways at {width} px: {widths[0]} > {widths[1]}.");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WithoutJavaScript_FromAListingToItsTrend_SplitAndAsShares()
    {
        var page = await site.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            await page.OpenAsync("/releases?q=minister");
            var total = await page.ResultTotalAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Trend of these results" }).ClickAsync();
            await page.ArriveAsync(new Regex(@"/trends\?q=minister$"));
            Assert.Equal(total, PageChecks.LeadingNumber(await page.Locator("#trend-heading").InnerTextAsync()));
            Assert.Equal(1, await page.Locator("svg.trend__chart").CountAsync());

            await page.Locator("#split").SelectOptionAsync("minister");
            await page.GetByLabel("Share of all releases").CheckAsync();
            await page.Locator(".list-search button[type=submit]").ClickAsync();
            await page.ArriveAsync(url => url.Contains("split=minister", StringComparison.Ordinal) && url.Contains("measure=share", StringComparison.Ordinal));
            Assert.Equal(6, await page.Locator("svg.trend__chart").CountAsync());
            Assert.EndsWith("%", (await page.Locator(".trend__table tbody td").Nth(2).InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.Equal("minister", await page.Locator("#q").InputValueAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
