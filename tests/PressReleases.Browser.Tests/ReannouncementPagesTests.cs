using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>
/// A site of its own over four written releases, two pairs whose texts overlap (the seeds hold no pair), driven by the
/// shared Chromium: a release page with re-announcement links and /reannouncements pass axe at desktop and phone
/// widths, and work from links alone with JavaScript off.
/// </summary>
public sealed class ReannouncementSite : IAsyncLifetime
{
    private readonly TempDirectory source = new("reannouncement-files");

    public SiteServer Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Write("2021/03/2021-03-01-bill-introduced.md", "Bill introduced", "2021-03-01", Prose.Words(1, 150));
        Write("2021/09/2021-09-01-bill-passes.md", "Bill passes", "2021-09-01", Prose.Words(1, 130) + " " + Prose.Words(2, 40));
        Write("2021/05/2021-05-01-omnibus.md", "Omnibus statement", "2021-05-01", Prose.Words(3, 100) + "\n\n" + Prose.Words(4, 100));
        Write("2021/05/2021-05-02-part.md", "Part of the statement", "2021-05-02", Prose.Words(3, 100));
        Site = new SiteServer(source.Path);
        await Site.StartAsync(4, TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        source.Dispose();
    }

    private void Write(string path, string title, string date, string body)
    {
        var slug = Path.GetFileNameWithoutExtension(path)[11..];
        var text = $"---\ntitle: \"{title}\"\ndate: {date}\nurl: https://www.beehive.govt.nz/release/{slug}\nministers:\n  - \"Hon Jane Example\"\n---\n\n{body}\n";
        var full = Path.Combine(source.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }
}

[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class ReannouncementPagesTests(BrowserFixture browser, ReannouncementSite site) : IClassFixture<ReannouncementSite>
{
    [Theory]
    [InlineData("/releases/bill-passes", 1280, 900)]
    [InlineData("/releases/bill-passes", 375, 812)]
    [InlineData("/releases/omnibus", 1280, 900)]
    [InlineData("/reannouncements", 1280, 900)]
    [InlineData("/reannouncements", 375, 812)]
    public async Task Page_HasNoAxeViolations(string path, int width, int height)
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } });
        try
        {
            await page.OpenAsync(path);
            Assert.True(await page.Locator(".reannounce, .reannounce-groups").First.IsVisibleAsync());
            await page.AssertNoAxeViolationsAsync($"{path} at {width}×{height}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WithoutJavaScript_FromOneReleaseToTheOther_AndToTheGroups()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            await page.OpenAsync("/releases/bill-passes");
            var item = page.Locator(".reannounce__list li", new() { HasText = "Bill introduced" });
            Assert.Equal("First appearance", (await item.Locator(".reannounce__badge").InnerTextAsync()).Trim());
            await item.Locator("a").ClickAsync();
            await page.ArriveAsync(new Regex("/releases/bill-introduced$"));
            Assert.Contains("earliest", await page.Locator(".reannounce__first-here").InnerTextAsync(), StringComparison.Ordinal);

            await page.Locator(".reannounce__more a").ClickAsync();
            await page.ArriveAsync(new Regex("/reannouncements$"));
            Assert.Equal(["Bill introduced (2 releases)", "Omnibus statement (2 releases)"], (await page.Locator(".reannounce-group h2").AllInnerTextsAsync()).Select(t => t.Trim()));
            await page.Locator(".reannounce-group__table a", new() { HasText = "Part of the statement" }).ClickAsync();
            await page.ArriveAsync(new Regex("/releases/part$"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = site.Site.BaseUrl;
        return browser.NewPageAsync(options);
    }
}
