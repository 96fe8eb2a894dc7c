using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>Minister, portfolio and date filters, sort orders and paging, against <see cref="SampleReleases"/>.</summary>
public sealed class SearchFilterSortPageTests : SampleSearchTestBase
{
    /// <summary>From the store: current releases naming any of <paramref name="ministers"/> (if any) and in any of <paramref name="portfolios"/> (if any).</summary>
    private async Task<List<string>> StoreSlugsAsync(string[] ministers, string[] portfolios)
    {
        await using var db = Store.NewDb();
        var releases = db.Releases.Where(r => r.RemovedAt == null);
        if (ministers.Length > 0)
        {
            releases = releases.Where(r => r.Ministers.Any(m => ministers.Contains(m.Minister.Slug)));
        }

        if (portfolios.Length > 0)
        {
            releases = releases.Where(r => r.Portfolios.Any(p => portfolios.Contains(p.Portfolio.Slug)));
        }

        return Sorted(await releases.Select(r => r.Slug).ToListAsync());
    }

    [Theory]
    [InlineData(new[] { "john-key" }, new string[0])]
    [InlineData(new[] { "john-key", "tony-ryall" }, new string[0])]
    [InlineData(new string[0], new[] { "health" })]
    [InlineData(new string[0], new[] { "trade", "health" })]
    [InlineData(new[] { "john-key" }, new[] { "foreign-affairs" })]
    [InlineData(new[] { "john-key", "tony-ryall" }, new[] { "health", "trade" })]
    public async Task Filters_AreOrWithinAFacetAndAndAcross(string[] ministers, string[] portfolios)
    {
        var expected = await StoreSlugsAsync(ministers, portfolios);
        Assert.NotEmpty(expected);
        Assert.NotEqual(AllSlugs, expected);

        var found = await FoundAsync(null, new SearchRequest { Ministers = ministers, Portfolios = portfolios });

        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task OrWithinAFacet_FindsTheUnion_AndAcrossFacets_TheIntersection()
    {
        var key = await FoundAsync(null, new SearchRequest { Ministers = ["john-key"] });
        var ryall = await FoundAsync(null, new SearchRequest { Ministers = ["tony-ryall"] });
        var health = await FoundAsync(null, new SearchRequest { Portfolios = ["health"] });

        Assert.Equal(Sorted(key.Concat(ryall)), await FoundAsync(null, new SearchRequest { Ministers = ["john-key", "tony-ryall"] }));
        Assert.Equal(Sorted(ryall.Intersect(health)), await FoundAsync(null, new SearchRequest { Ministers = ["tony-ryall"], Portfolios = ["health"] }));
        Assert.Empty(await FoundAsync(null, new SearchRequest { Ministers = ["john-key"], Portfolios = ["health"] }));
    }

    [Fact]
    public async Task Filters_CombineWithTheQuery()
    {
        var expected = SampleReleases.Containing("trade").Intersect(await StoreSlugsAsync(["john-key"], [])).ToList();
        Assert.Equal(expected, await FoundAsync("trade", new SearchRequest { Ministers = ["john-key"] }));
        Assert.Equal(SampleReleases.Containing("japan").Intersect(await StoreSlugsAsync([], ["trade"])).ToList(),
            await FoundAsync("japan", new SearchRequest { Portfolios = ["trade"] }));
    }

    [Fact]
    public async Task UnknownFilterValue_FindsNothing() =>
        Assert.Equal(0, (await SearchAsync(new SearchRequest { Ministers = ["nobody-at-all"] })).Total);

    [Fact]
    public async Task RepeatedFilterValues_CountOnce() =>
        Assert.Equal(
            await FoundAsync(null, new SearchRequest { Ministers = ["john-key"] }),
            await FoundAsync(null, new SearchRequest { Ministers = ["john-key", "john-key"] }));

    [Theory]
    [InlineData("2011-03-12", "2014-07-10")]
    [InlineData("2011-03-13", "2014-07-09")]
    [InlineData("2014-01-01", null)]
    [InlineData(null, "2011-12-31")]
    [InlineData("2010-05-05", "2010-05-05")]
    public async Task DateRange_IsInclusive_AndLeavesOutUndatedReleases(string? from, string? to)
    {
        var fromDate = from is null ? (DateOnly?)null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var toDate = to is null ? (DateOnly?)null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var expected = SampleReleases.Slugs
            .Where(s => SampleReleases.DateOf(s) is { } d && (fromDate is null || d >= fromDate) && (toDate is null || d <= toDate))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var found = await FoundAsync(null, new SearchRequest { From = fromDate, To = toDate });

        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task DateRange_CombinesWithQueryAndFilters()
    {
        var request = new SearchRequest { From = new DateOnly(2014, 1, 1), Ministers = ["john-key"] };
        var expected = SampleReleases.Containing("trade")
            .Intersect(await StoreSlugsAsync(["john-key"], []))
            .Where(s => SampleReleases.DateOf(s) >= request.From)
            .ToList();
        Assert.Equal(expected, await FoundAsync("trade", request));
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public async Task DateSorts_OrderByDate_WithUndatedLast(SearchSort sort)
    {
        var dated = SampleReleases.Slugs.Where(s => SampleReleases.DateOf(s) is not null);
        var orderedDated = sort == SearchSort.Newest
            ? dated.OrderByDescending(s => SampleReleases.DateOf(s))
            : dated.OrderBy(s => SampleReleases.DateOf(s));
        var expected = orderedDated.Concat(SampleReleases.Slugs.Where(s => SampleReleases.DateOf(s) is null)).ToList();

        var result = await SearchAsync(new SearchRequest { Sort = sort, PageSize = 100 });

        Assert.Equal(expected, result.Items.Select(h => h.Slug));
        Assert.Equal(expected.Select(SampleReleases.DateOf), result.Items.Select(h => h.Date));
    }

    [Fact]
    public async Task NoQuery_SortsNewestFirstByDefault()
    {
        var byDefault = await SearchAsync(new SearchRequest { PageSize = 100 });
        var newest = await SearchAsync(new SearchRequest { Sort = SearchSort.Newest, PageSize = 100 });
        Assert.Equal(newest.Items.Select(h => h.Slug), byDefault.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task QuerySortedByDate_KeepsTheSameHits()
    {
        var byRelevance = await SearchAsync(new SearchRequest { Query = "japan OR china", PageSize = 100 });
        var newest = await SearchAsync(new SearchRequest { Query = "japan OR china", Sort = SearchSort.Newest, PageSize = 100 });
        Assert.Equal(Sorted(byRelevance.Items.Select(h => h.Slug)), Sorted(newest.Items.Select(h => h.Slug)));
        var dates = newest.Items.Select(h => h.Date!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Relevance_RanksATitleMatchAboveABodyMatch()
    {
        // "China" is in the title of china-visit but only in the body of japan-trade.
        var result = await SearchAsync("china");
        Assert.Equal(["china-visit", "japan-trade"], result.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task Pages_AreDisjoint_ShareTheTotal_AndTogetherHoldEveryHit()
    {
        const int pageSize = 3;
        var pages = new List<SearchResult>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchAsync(new SearchRequest { Page = page, PageSize = pageSize }));
        }

        var expectedPageCount = (SampleReleases.All.Count + pageSize - 1) / pageSize;
        Assert.All(pages, p => Assert.Equal(SampleReleases.All.Count, p.Total));
        Assert.All(pages, p => Assert.Equal(expectedPageCount, p.PageCount));
        Assert.Equal([1, 2, 3], pages.Select(p => p.Page));
        Assert.Empty(pages[0].Items.Select(h => h.Slug).Intersect(pages[1].Items.Select(h => h.Slug)));
        var all = pages.SelectMany(p => p.Items.Select(h => h.Slug)).ToList();
        Assert.Equal(AllSlugs, Sorted(all));
        Assert.Equal(SampleReleases.All.Count, all.Count);

        // The pages are slices of the one list.
        var single = await SearchAsync(new SearchRequest { PageSize = 100 });
        Assert.Equal(single.Items.Select(h => h.Slug), all);
    }

    [Fact]
    public async Task PageSize_IsClampedToTheMaximum()
    {
        var result = await SearchAsync(new SearchRequest { PageSize = 500 });
        Assert.Equal(SearchRequest.MaxPageSize, result.PageSize);
        Assert.Equal(SampleReleases.All.Count, result.Items.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task PageSizeBelowOne_IsOne(int pageSize)
    {
        var result = await SearchAsync(new SearchRequest { PageSize = pageSize });
        Assert.Equal(1, result.PageSize);
        Assert.Single(result.Items);
        Assert.Equal(SampleReleases.All.Count, result.PageCount);
    }

    [Fact]
    public async Task PageBeyondTheLast_GivesTheLastPage()
    {
        var last = await SearchAsync(new SearchRequest { Page = 3, PageSize = 3 });
        var beyond = await SearchAsync(new SearchRequest { Page = 99, PageSize = 3 });
        Assert.Equal(3, beyond.Page);
        Assert.Equal(last.Items.Select(h => h.Slug), beyond.Items.Select(h => h.Slug));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task PageBelowOne_GivesTheFirstPage(int page)
    {
        var first = await SearchAsync(new SearchRequest { Page = 1, PageSize = 3 });
        var result = await SearchAsync(new SearchRequest { Page = page, PageSize = 3 });
        Assert.Equal(1, result.Page);
        Assert.Equal(first.Items.Select(h => h.Slug), result.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task NoHits_IsAnEmptyFirstPage()
    {
        var result = await SearchAsync(new SearchRequest { Query = "zeppelin", Page = 4 });
        Assert.Equal((0, 1, 0), (result.Total, result.Page, result.PageCount));
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task Hits_CarryTheStoredFields()
    {
        var hit = Assert.Single((await SearchAsync("sendai")).Items);
        var source = SampleReleases.All[hit.Slug];
        await using var db = Store.NewDb();
        var row = await db.Releases.SingleAsync(r => r.Slug == hit.Slug);

        Assert.Equal(row.Id, hit.Id);
        Assert.Equal(source.Title, hit.Title);
        Assert.Equal(SampleReleases.DateOf(hit.Slug), hit.Date);
        Assert.Equal(ReleaseFileText.UrlFor(hit.Slug), hit.SourceUrl);
        Assert.Equal(["john-key", "murray-mccully"], hit.Ministers.Select(m => m.Slug));
        Assert.Equal(["John Key", "Murray McCully"], hit.Ministers.Select(m => m.Name));
        Assert.Equal(["Foreign Affairs"], hit.Portfolios.Select(p => p.Name));
    }

    [Fact]
    public void EffectiveSort_IsRelevanceWithAQueryAndNewestWithout()
    {
        Assert.Equal(SearchSort.Relevance, new SearchRequest { Query = "x" }.EffectiveSort);
        Assert.Equal(SearchSort.Newest, new SearchRequest { Query = "  " }.EffectiveSort);
        Assert.Equal(SearchSort.Oldest, new SearchRequest { Query = "x", Sort = SearchSort.Oldest }.EffectiveSort);
    }
}
