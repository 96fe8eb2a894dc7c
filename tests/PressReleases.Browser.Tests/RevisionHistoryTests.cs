using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;
using PressReleases.Core.Ingestion;

namespace PressReleases.Browser.Tests;

/// <summary>
/// The history page and the release page's "edited after publication" notice in Chromium: axe finds nothing at desktop
/// and phone widths, removed and added words are struck through and underlined (not told by colour alone), and an
/// earlier version's text opens without JavaScript. A site of its own, over a release edited once after its first ingest.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class RevisionHistoryTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Slug = "budget-day-announced";

    private readonly TempDirectory source = new("browser-history");
    private SiteServer site = null!;

    public async Task InitializeAsync()
    {
        Write("Budget day announced", "Hon Grant Robertson", "The Budget will be delivered on 14 May.\n\nIt will focus on wellbeing.\n\nMore details will follow.");
        site = new SiteServer(source.Path);
        await site.StartAsync(expectedReleases: 1, TimeSpan.FromSeconds(90));
        Write("Budget day confirmed", "Hon Chris Hipkins", "The Budget will be delivered on 21 May.\n\nIt will focus on wellbeing.\n\nMore details will follow.\n\nA new paragraph.");
        var report = await site.Services.GetRequiredService<Ingester>().IngestAsync(source.Path);
        Assert.Equal(1, report.Updated);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        source.Dispose();
    }

    private void Write(string title, string minister, string body) =>
        File.WriteAllText(
            Path.Combine(source.Path, $"2020-01-15-{Slug}.md"),
            $"---\ntitle: \"{title}\"\ndate: 2020-01-15\nurl: https://www.beehive.govt.nz/release/{Slug}\nministers:\n  - \"{minister}\"\nportfolios:\n  - \"Finance\"\n---\n\n{body}\n");

    private async Task<IPage> OpenAsync(string path, int width, bool javaScript = true)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = site.BaseUrl, ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = javaScript });
        await page.OpenAsync(path);
        return page;
    }

    [Theory]
    [InlineData($"/releases/{Slug}/history", 1280)]
    [InlineData($"/releases/{Slug}/history", 375)]
    [InlineData($"/releases/{Slug}", 1280)]
    [InlineData($"/releases/{Slug}", 375)]
    public async Task Page_HasNoAxeViolations(string path, int width)
    {
        var page = await OpenAsync(path, width);
        try
        {
            // The earlier version's text is scanned open too.
            if (path.EndsWith("/history", StringComparison.Ordinal))
            {
                await page.Locator("details.history__text summary").ClickAsync();
            }

            await page.AssertNoAxeViolationsAsync($"{path} at {width} px");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task RemovedAndAddedWords_AreStruckThroughAndUnderlined_NotOnlyColoured()
    {
        var page = await OpenAsync($"/releases/{Slug}/history", 1280);
        try
        {
            var removed = page.Locator("section.history__version del").First;
            var added = page.Locator("section.history__version ins").First;
            Assert.Contains("line-through", await removed.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
            Assert.Contains("underline", await added.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
            // The words, with the labels a screen reader reads out (hidden from the eye).
            Assert.Equal(["[removed:", "announced", "]"], Words(await removed.InnerTextAsync()));
            Assert.Equal(["[added:", "confirmed", "]"], Words(await added.InnerTextAsync()));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task WithoutJavaScript_TheNoticeLeadsToTheHistory_AndAnEarlierVersionOpens()
    {
        var page = await OpenAsync($"/releases/{Slug}", 1280, javaScript: false);
        try
        {
            await page.Locator(".edited-notice a").ClickAsync();
            await page.ArriveAsync(url => url.EndsWith($"/releases/{Slug}/history", StringComparison.Ordinal));
            var text = page.Locator("details.history__text .release__body");
            Assert.False(await text.IsVisibleAsync());

            await page.Locator("details.history__text summary").ClickAsync();

            Assert.True(await text.IsVisibleAsync());
            Assert.Contains("14 May", await text.InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
