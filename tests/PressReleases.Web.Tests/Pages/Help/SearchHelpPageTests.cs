using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Help;

/// <summary>/help/search over the seed releases: every example it offers is a search that finds something.</summary>
public sealed class SearchHelpPageTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task Renders_WithItsSectionsAndTheDocumentedBounds()
    {
        var page = await Client.GetPageAsync("/help/search");
        Assert.Equal("Search tips", page.QuerySelector("main h1")?.TextContent.Trim());
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var bound in new[] { "1,000 characters", "32", "256", "100", "10,000" })
        {
            Assert.Contains(bound, text, StringComparison.Ordinal);
        }

        foreach (var syntax in new[] { "\"free trade agreement\"", "-china", "OR", "vaccin*", "title:", "minister:", "portfolio:" })
        {
            Assert.Contains(syntax, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryExampleLink_IsASearchWithResults()
    {
        var page = await Client.GetPageAsync("/help/search");
        var examples = page.QuerySelectorAll("main a.example").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(examples.Count >= 20, $"Only {examples.Count} examples.");

        foreach (var href in examples)
        {
            Assert.Equal("/releases", ListingPage.PathOf(href));
            var listing = ListingPage.Parse(await Client.GetPageAsync(href));
            Assert.True(listing.Count > 0, $"The example {href} finds nothing.");
        }
    }

    [Fact]
    public async Task AnyWordExample_ShowsTheFallbackItDescribes()
    {
        var page = await Client.GetPageAsync("/help/search");
        var href = page.QuerySelectorAll("main a.example").Select(a => a.GetAttribute("href")!).Single(h => ListingPage.QueryValues(h, "q") == "geothermal whaling");

        // No seed release has both words, so the example lists the ones with either and says so.
        var listing = ListingPage.Parse(await Client.GetPageAsync(href));
        Assert.True(listing.Count > 0);
        Assert.NotNull(listing.Document.QuerySelector(".any-word"));
        Assert.True((await Client.GetReleaseListAsync("q=geothermal%20whaling")).MatchedAnyWord);
    }

    [Fact]
    public async Task MacronAndCaseExamples_FindTheSameReleases()
    {
        var counts = new List<int>();
        foreach (var q in new[] { "maori", "Māori", "MĀORI" })
        {
            counts.Add((await Client.GetReleaseListAsync("q=" + Uri.EscapeDataString(q))).Total);
        }

        Assert.True(counts[0] > 0);
        Assert.All(counts, c => Assert.Equal(counts[0], c));
    }

    [Fact]
    public async Task LayoutFooter_LinksToIt()
    {
        var page = await Client.GetPageAsync("/ministers");
        Assert.NotNull(page.QuerySelector("footer a[href='/help/search']"));
    }
}
