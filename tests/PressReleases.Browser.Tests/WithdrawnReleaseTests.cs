using Microsoft.Extensions.DependencyInjection;
using PressReleases.Browser.Tests.TestSupport;
using PressReleases.Core.Ingestion;

namespace PressReleases.Browser.Tests;

/// <summary>
/// A withdrawn release in a real browser: its 410 page shows the notice and its last version, and
/// /releases/withdrawn lists it; axe finds nothing on either, at desktop and phone widths.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class WithdrawnReleaseTests(BrowserFixture browser, WithdrawnSiteFixture withdrawn) : IClassFixture<WithdrawnSiteFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task WithdrawnReleasePage_ShowsItsLastVersion_WithoutAxeViolations(int width, int height)
    {
        var page = await NewPageAsync(width, height);
        try
        {
            await page.OpenAsync($"/releases/{withdrawn.Slug}", 410);
            Assert.True(await page.Locator(".notice--warning").IsVisibleAsync());
            Assert.Contains("It left the source on", await page.Locator(".notice--warning").InnerTextAsync());
            Assert.True(await page.Locator(".release__body p").First.IsVisibleAsync());
            await page.AssertNoAxeViolationsAsync($"a withdrawn release's page at {width}×{height}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task WithdrawnList_ListsIt_WithoutAxeViolations(int width, int height)
    {
        var page = await NewPageAsync(width, height);
        try
        {
            await page.OpenAsync("/releases/withdrawn");
            Assert.Equal(1, await page.Locator("ol.results > li").CountAsync());
            Assert.Equal($"/releases/{withdrawn.Slug}", await page.Locator("ol.results > li h3 a").GetAttributeAsync("href"));
            Assert.True(await page.Locator(".result__status").IsVisibleAsync());
            await page.AssertNoAxeViolationsAsync($"the withdrawn releases page at {width}×{height}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private Task<Microsoft.Playwright.IPage> NewPageAsync(int width, int height) =>
        browser.NewPageAsync(new() { BaseURL = withdrawn.Site.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
}

/// <summary>A site of its own over three seed releases, the oldest of which leaves the source after the first ingest.</summary>
public sealed class WithdrawnSiteFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new("browser-withdrawn");

    public SiteServer Site { get; private set; } = null!;

    /// <summary>The withdrawn release's slug.</summary>
    public string Slug { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var source = temp.Sub("source");
        var files = Directory.EnumerateFiles(RepoPaths.Seeds, "*.md").Order(StringComparer.Ordinal).Skip(1).Take(3).ToList();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }

        Site = new SiteServer(source);
        await Site.StartAsync(files.Count, TimeSpan.FromSeconds(90));
        var oldest = await SiteApi.GetJsonAsync(Site.BaseUrl, "/api/releases?sort=oldest&pageSize=1");
        Slug = oldest.GetProperty("items")[0].GetProperty("slug").GetString()!;

        // Seed files are named by date, so the first file is the oldest release.
        File.Delete(Path.Combine(source, Path.GetFileName(files[0])));
        var report = await Site.Services.GetRequiredService<Ingester>().IngestAsync(source);
        Assert.Equal(1, report.Removed);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        temp.Dispose();
    }
}
