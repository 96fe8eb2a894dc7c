using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>
/// A release whose file left the source stays in the index, marked withdrawn: every search leaves it out unless it
/// asks for withdrawn releases (or all), and the rest of the search is as if it were not there.
/// </summary>
public sealed class WithdrawnReleaseSearchTests : SampleSearchTestBase
{
    private static readonly SearchRequest Withdrawn = new() { Status = ReleaseStatus.Withdrawn };

    private static readonly SearchRequest All = new() { Status = ReleaseStatus.All };

    private async Task WithdrawAsync(string slug)
    {
        Store.Source.Delete(slug + ".md");
        var report = await Store.IngestAsync();
        Assert.Equal(1, report.Removed);
    }

    [Fact]
    public async Task WithdrawnRelease_IsListedOnlyWhenAskedFor_AndMarked()
    {
        await WithdrawAsync("japan-trade");

        Assert.DoesNotContain("japan-trade", await FoundAsync(null));
        Assert.Equal(["japan-trade"], await FoundAsync(null, Withdrawn));
        Assert.Equal(AllSlugs, await FoundAsync(null, All));

        // Its words find it only when asked: "tokyo" is in no other release.
        Assert.Empty(await FoundAsync("tokyo"));
        Assert.Equal(["japan-trade"], await FoundAsync("tokyo", Withdrawn));
        var hits = (await SearchAsync(All with { Query = "japan", PageSize = SearchRequest.MaxPageSize })).Items;
        Assert.Equal(2, hits.Count);
        Assert.True(hits.Single(h => h.Slug == "japan-trade").Withdrawn);
        Assert.False(hits.Single(h => h.Slug == "japan-earthquake").Withdrawn);
    }

    [Fact]
    public async Task CountsAndFacets_LeaveTheWithdrawnReleaseOut_UnlessAskedFor()
    {
        await WithdrawAsync("japan-trade");

        var current = await SearchAsync(new SearchRequest { Query = "trade" });
        var all = await SearchAsync(All with { Query = "trade" });

        Assert.Equal(all.Total - 1, current.Total);
        Assert.DoesNotContain(current.Facets.Portfolios, p => p.Slug == "trade");
        Assert.Equal(1, all.Facets.Portfolios.Single(p => p.Slug == "trade").Count);
        Assert.Equal(all.Facets.Years.Sum(y => y.Count) - 1, current.Facets.Years.Sum(y => y.Count));
    }

    [Fact]
    public async Task TheStatusFilter_LeavesTheOrderOfTheOtherReleasesAsItWas()
    {
        var before = await Store.SlugsFoundAsync("trade tourism health");

        await WithdrawAsync("maori-education");

        Assert.DoesNotContain("maori-education", before);
        Assert.Equal(before, await Store.SlugsFoundAsync("trade tourism health"));
        Assert.Equal(before, await Store.SlugsFoundAsync("trade tourism health", All));
    }

    [Fact]
    public async Task Export_FollowsTheStatus_AndMarksWithdrawnReleases()
    {
        await WithdrawAsync("china-visit");

        var current = await ExportAsync(new SearchRequest());
        var all = await ExportAsync(All);

        Assert.DoesNotContain(current, r => r.Slug == "china-visit");
        Assert.All(current, r => Assert.False(r.Withdrawn));
        Assert.Equal(current.Count + 1, all.Count);
        Assert.True(all.Single(r => r.Slug == "china-visit").Withdrawn);
        Assert.Equal(["china-visit"], (await ExportAsync(Withdrawn)).Select(r => r.Slug));
    }

    [Fact]
    public async Task RelatedReleases_NeverSuggestAWithdrawnRelease()
    {
        Assert.Contains("china-visit", (await Store.Search.RelatedAsync("japan-trade", 5)).Select(r => r.Slug));

        await WithdrawAsync("china-visit");

        Assert.DoesNotContain("china-visit", (await Store.Search.RelatedAsync("japan-trade", 5)).Select(r => r.Slug));
    }

    [Fact]
    public async Task TheIndexFallback_DoesNotShowAWithdrawnReleaseAsCurrent()
    {
        Assert.NotNull(await Store.Search.FindInIndexAsync("budget-health"));

        await WithdrawAsync("budget-health");

        Assert.Null(await Store.Search.FindInIndexAsync("budget-health"));
    }

    [Fact]
    public async Task AReturningFile_MakesTheReleaseCurrentAgain()
    {
        await WithdrawAsync("digital-future");

        SampleReleases.WriteTo(Store.Source);
        await Store.IngestAsync();

        Assert.Contains("digital-future", await FoundAsync("broadband"));
        Assert.Empty(await FoundAsync(null, Withdrawn));
        Assert.False((await SearchAsync("broadband")).Items.Single().Withdrawn);
    }

    [Fact]
    public async Task Trend_CountsAWithdrawnReleaseOnlyWhenAsked_AndItsShareCountsItInTheWhole()
    {
        await WithdrawAsync("japan-trade");

        var current = (await Store.Search.TrendAsync(new SearchRequest { Query = "trade" })).Periods.Where(p => p.Year == 2014).ToList();
        var all = (await Store.Search.TrendAsync(All with { Query = "trade" })).Periods.Where(p => p.Year == 2014).ToList();

        Assert.Equal(current.Sum(p => p.Count) + 1, all.Sum(p => p.Count));
        Assert.Equal(current.Sum(p => p.AllCount) + 1, all.Sum(p => p.AllCount));
    }

    private async Task<List<Core.Search.Export.ExportedRelease>> ExportAsync(SearchRequest request)
    {
        var releases = new List<Core.Search.Export.ExportedRelease>();
        await foreach (var release in Store.Search.ExportAsync(request))
        {
            releases.Add(release);
        }

        return releases;
    }
}
