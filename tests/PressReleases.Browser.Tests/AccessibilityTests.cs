using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>axe-core (Deque) on every kind of page: no violations at all, at desktop and phone widths.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class AccessibilityTests(BrowserFixture site)
{
    public static TheoryData<string, string, int> Pages => new()
    {
        { "home page", "/", 200 },
        { "results page", "/releases?q=japan", 200 },
        { "release page", "{release}", 200 },
        { "release page opened from a search", "{release-from-search}", 200 },
        { "ministers", "/ministers", 200 },
        { "portfolios", "/portfolios", 200 },
        { "404 page", "/no-such-page/anywhere", 404 },
        { "search tips", "/help/search", 200 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations_OnDesktop(string what, string path, int status)
    {
        await ScanAsync(what, path, status, 1280, 900);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations_OnAPhone(string what, string path, int status)
    {
        await ScanAsync(what, path, status, 375, 812);
    }

    private async Task ScanAsync(string what, string path, int status, int width, int height)
    {
        var url = await ResolveAsync(path);
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        try
        {
            await page.OpenAsync(url, status);
            await page.AssertNoAxeViolationsAsync($"the {what} at {width}×{height}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> ResolveAsync(string path)
    {
        switch (path)
        {
            case "{release}":
                return await site.RichReleasePathAsync();
            case "{release-from-search}":
                var list = await SiteApi.GetJsonAsync(site.BaseUrl, "/api/releases?q=japan&pageSize=1");
                var slug = list.GetProperty("items")[0].GetProperty("slug").GetString();
                return $"/releases/{slug}?q=japan";
            default:
                return path;
        }
    }
}
