using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>Phone and desktop layouts (screenshots kept in the test output, no sideways scrolling on a phone) and printing.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class LayoutTests(BrowserFixture site)
{
    public static TheoryData<string, string, int, int> Screens
    {
        get
        {
            var data = new TheoryData<string, string, int, int>();
            foreach (var (name, path) in new[] { ("home", "/"), ("results", "/releases?q=japan"), ("release", "{release}") })
            {
                data.Add(name, path, 375, 812);
                data.Add(name, path, 1280, 900);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Page_FitsTheScreen_AndIsScreenshotted(string name, string path, int width, int height)
    {
        if (path == "{release}")
        {
            path = await site.RichReleasePathAsync();
        }

        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        try
        {
            await page.OpenAsync(path);
            var file = Path.Combine(Screenshots.Folder, $"{name}-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 1000, $"The screenshot {file} is empty.");

            var (scrollWidth, innerWidth) = await WidthsAsync(page);
            if (width <= 375)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
                        .slice(0, 5)
                        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' right=' + Math.round(el.getBoundingClientRect().right))
                    """);
                Assert.True(scrollWidth <= innerWidth,
                    $"{path} scrolls sideways at {width} px: scrollWidth {scrollWidth} > innerWidth {innerWidth}. Widest: {string.Join(", ", wide)}");
            }
            else
            {
                Assert.True(scrollWidth <= innerWidth, $"{path} scrolls sideways at {width} px: {scrollWidth} > {innerWidth}.");
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Release_PrintsItsRecord_WithoutTheSiteChrome()
    {
        var page = await site.NewPageAsync();
        try
        {
            // Opened from a search, so the back link and the match summary are there to be hidden too.
            var path = await site.RichReleasePathAsync();
            await page.OpenAsync(path + "?q=government");
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            foreach (var hidden in new[] { ".site-header", ".site-nav", ".site-search", ".skip-link", ".site-footer__links", ".back-link", ".match-summary", ".related" })
            {
                var locator = page.Locator(hidden);
                if (await locator.CountAsync() > 0)
                {
                    Assert.False(await locator.First.IsVisibleAsync(), $"{hidden} is printed.");
                }
            }

            foreach (var shown in new[] { "article.release h1", ".release__date", ".release__people", ".release__body", ".release__source" })
            {
                Assert.True(await page.Locator(shown).First.IsVisibleAsync(), $"{shown} is not printed.");
            }

            Assert.True(await page.Locator(".release__people a[href^='/ministers/']").First.IsVisibleAsync(), "The ministers are not printed.");
            Assert.True(await page.Locator(".release__people a[href^='/portfolios/']").First.IsVisibleAsync(), "The portfolios are not printed.");

            // The original address is printed in full, and so is the address of each external link in the body.
            var sourceAfter = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.release__source a'), '::after').content");
            var sourceHref = await page.Locator(".release__source a").GetAttributeAsync("href");
            Assert.Contains(sourceHref!, sourceAfter);
            var bodyLinks = page.Locator(".release__body a[href^='http']");
            if (await bodyLinks.CountAsync() > 0)
            {
                var after = await bodyLinks.First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
                Assert.Contains((await bodyLinks.First.GetAttributeAsync("href"))!, after);
            }

            // On screen again, the chrome is back.
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            Assert.True(await page.Locator(".site-header").IsVisibleAsync());
            var pdf = Path.Combine(Screenshots.Folder, "release-print.pdf");
            await page.PdfAsync(new() { Path = pdf, Format = "A4" });
            Assert.True(new FileInfo(pdf).Length > 1000);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
