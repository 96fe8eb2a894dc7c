using PressReleases.Core.Search;
using PressReleases.Core.Search.Export;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Export;

/// <summary><see cref="SearchService.ExportAsync"/> over <see cref="SampleReleases"/>: the same releases, in the same order, as paging through the search.</summary>
public sealed class ExportTests : SampleSearchTestBase
{
    private async Task<List<ExportedRelease>> ExportAsync(SearchRequest request)
    {
        var releases = new List<ExportedRelease>();
        await foreach (var release in Store.Search.ExportAsync(request))
        {
            releases.Add(release);
        }

        return releases;
    }

    public static TheoryData<string?, SearchSort?> Orders => new()
    {
        { null, null },
        { null, SearchSort.Oldest },
        { "japan", null },
        { "trade tourism", SearchSort.Newest },
        { "japan zeppelin", null },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Export_ListsWhatTheSearchLists_InTheSameOrder(string? query, SearchSort? sort)
    {
        var request = new SearchRequest { Sort = sort };
        var expected = await Store.SlugsFoundAsync(query, request);

        var exported = await ExportAsync(request with { Query = query });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, exported.Select(r => r.Slug));
    }

    [Fact]
    public async Task Export_WithoutFilters_ListsEveryReleaseNewestFirst_AndUndatedLast()
    {
        var exported = await ExportAsync(new SearchRequest());

        Assert.Equal(AllSlugs, Sorted(exported.Select(r => r.Slug)));
        Assert.Equal("digital-future", exported[^1].Slug);
        Assert.Null(exported[^1].Date);
        var dates = exported.Where(r => r.Date is not null).Select(r => r.Date!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(exported, r => Assert.Equal(SampleReleases.DateOf(r.Slug), r.Date));
    }

    [Fact]
    public async Task Export_AppliesFilters_AndGivesNamesAndPermalinksWithEachRelease()
    {
        var request = new SearchRequest { Ministers = ["john-key"], From = new DateOnly(2014, 1, 1), Sort = SearchSort.Oldest };
        var expected = await Store.SlugsFoundAsync(null, request);

        var exported = await ExportAsync(request);

        Assert.Equal(["japan-trade", "china-visit"], expected);
        Assert.Equal(expected, exported.Select(r => r.Slug));
        Assert.All(exported, r =>
        {
            Assert.Contains(r.Ministers, m => m.Slug == "john-key" && m.Name == "John Key");
            Assert.Equal("/releases/" + r.Slug, r.Permalink);
            Assert.Equal(SampleReleases.All[r.Slug].Title, r.Title);
        });
        Assert.Equal(["Trade"], exported[0].Portfolios.Select(p => p.Name));
    }

    [Fact]
    public async Task NothingMatching_ExportsNothing()
    {
        Assert.Empty(await ExportAsync(new SearchRequest { Query = "zeppelin" }));
        Assert.Empty(await ExportAsync(new SearchRequest { Ministers = ["nobody-at-all"] }));
    }

    [Fact]
    public async Task AbandonedOrCancelledExport_ReturnsItsSearcher()
    {
        // Each lease holds a reference on the searcher's reader; the count must be back where it was.
        using var probe = Store.Index.LeaseSearcher();
        var before = probe.Reader.RefCount;

        await using (var enumerator = Store.Search.ExportAsync(new SearchRequest()).GetAsyncEnumerator())
        {
            Assert.True(await enumerator.MoveNextAsync());
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Store.Search.ExportAsync(new SearchRequest(), cancelled.Token))
            {
            }
        });

        Assert.Equal(SampleReleases.All.Count, (await ExportAsync(new SearchRequest())).Count);
        Assert.Equal(before, probe.Reader.RefCount);
    }
}
