using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>Facet counts are exact: checked against the store, or against the searches each facet value stands for.</summary>
public sealed class SearchFacetTests : SampleSearchTestBase
{
    /// <summary>Every hit's id (all pages).</summary>
    private async Task<List<int>> HitIdsAsync(SearchRequest request)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = await SearchAsync(request with { Page = page, PageSize = SearchRequest.MaxPageSize });
            ids.AddRange(result.Items.Select(h => h.Id));
            if (page >= result.PageCount)
            {
                return ids;
            }
        }
    }

    /// <summary>Minister and portfolio counts over a set of releases, straight from the store's link tables.</summary>
    private async Task<(Dictionary<string, int> Ministers, Dictionary<string, int> Portfolios)> StoreCountsAsync(List<int> ids)
    {
        await using var db = Store.NewDb();
        var ministers = await db.ReleaseMinisters.Where(l => ids.Contains(l.ReleaseId))
            .GroupBy(l => l.Minister.Slug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var portfolios = await db.ReleasePortfolios.Where(l => ids.Contains(l.ReleaseId))
            .GroupBy(l => l.Portfolio.Slug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return (ministers, portfolios);
    }

    /// <summary>Hits per year over a set of releases, from the store's dates.</summary>
    private async Task<List<YearCount>> StoreYearsAsync(List<int> ids)
    {
        await using var db = Store.NewDb();
        var dates = await db.Releases.Where(r => ids.Contains(r.Id) && r.Date != null).Select(r => r.Date!.Value).ToListAsync();
        return dates.GroupBy(d => d.Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList();
    }

    private static Dictionary<string, int> AsDictionary(IEnumerable<FacetValue> values) => values.ToDictionary(v => v.Slug, v => v.Count);

    [Theory]
    [InlineData(null)]
    [InlineData("japan")]
    [InlineData("health")]
    [InlineData("trade OR tourism")]
    [InlineData("-japan")]
    public async Task FacetCounts_EqualTheStoresCountsOverTheHits(string? query)
    {
        var request = new SearchRequest { Query = query, FacetLimit = 1000 };
        var ids = await HitIdsAsync(request);
        var (ministers, portfolios) = await StoreCountsAsync(ids);
        Assert.NotEmpty(ministers);

        var result = await SearchAsync(request);

        Assert.Equal(ids.Count, result.Total);
        Assert.Equal(ministers, AsDictionary(result.Facets.Ministers));
        Assert.Equal(portfolios, AsDictionary(result.Facets.Portfolios));
    }

    [Fact]
    public async Task FacetCounts_WithADateRange_CountOnlyReleasesInRange()
    {
        var request = new SearchRequest { From = new DateOnly(2011, 1, 1), To = new DateOnly(2014, 12, 31), FacetLimit = 1000 };
        var (ministers, portfolios) = await StoreCountsAsync(await HitIdsAsync(request));

        var result = await SearchAsync(request);

        Assert.Equal(ministers, AsDictionary(result.Facets.Ministers));
        Assert.Equal(portfolios, AsDictionary(result.Facets.Portfolios));
    }

    [Fact]
    public async Task FacetValues_AreOrderedByCountThenName_AndCarryDisplayNames()
    {
        var result = await SearchAsync(new SearchRequest { FacetLimit = 1000 });
        var ministers = result.Facets.Ministers;
        Assert.Equal(ministers.OrderByDescending(v => v.Count).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase), ministers);
        var (names, _) = await Store.Catalog.NamesAsync();
        Assert.All(ministers, v => Assert.Equal(names[v.Slug], v.Name));
    }

    [Theory]
    [InlineData(null, new[] { "john-key" }, new string[0])]
    [InlineData("trade OR health OR japan", new[] { "john-key" }, new string[0])]
    [InlineData(null, new[] { "tony-ryall", "tariana-turia" }, new string[0])]
    [InlineData(null, new string[0], new[] { "health" })]
    [InlineData(null, new[] { "john-key" }, new[] { "foreign-affairs" })]
    public async Task DrillSideways_EachFacetValueCountsWhatSelectingItInsteadWouldGive(string? query, string[] ministers, string[] portfolios)
    {
        var request = new SearchRequest { Query = query, Ministers = ministers, Portfolios = portfolios, FacetLimit = 1000 };
        var result = await SearchAsync(request);

        // Every minister, selected or not, counts what that minister alone would give under the same query and portfolio selection.
        Assert.True(result.Facets.Ministers.Count > Math.Max(1, ministers.Length));
        foreach (var value in result.Facets.Ministers)
        {
            var alone = await SearchAsync(request with { Ministers = [value.Slug] });
            Assert.Equal(alone.Total, value.Count);
        }

        foreach (var value in result.Facets.Portfolios)
        {
            var alone = await SearchAsync(request with { Portfolios = [value.Slug] });
            Assert.Equal(alone.Total, value.Count);
        }

        // And values that would give nothing are not listed.
        var (names, portfolioNames) = await Store.Catalog.NamesAsync();
        foreach (var slug in names.Keys.Except(result.Facets.Ministers.Select(v => v.Slug)))
        {
            Assert.Equal(0, (await SearchAsync(request with { Ministers = [slug] })).Total);
        }

        foreach (var slug in portfolioNames.Keys.Except(result.Facets.Portfolios.Select(v => v.Slug)))
        {
            Assert.Equal(0, (await SearchAsync(request with { Portfolios = [slug] })).Total);
        }
    }

    [Fact]
    public async Task DrillSideways_SelectedMinisterStillListsOtherMinisters()
    {
        var withoutSelection = await SearchAsync(new SearchRequest { FacetLimit = 1000 });
        var withSelection = await SearchAsync(new SearchRequest { Ministers = ["john-key"], FacetLimit = 1000 });

        // Selecting one minister narrows the hits but not the minister facet.
        Assert.True(withSelection.Total < withoutSelection.Total);
        Assert.Equal(AsDictionary(withoutSelection.Facets.Ministers), AsDictionary(withSelection.Facets.Ministers));
        Assert.Contains(withSelection.Facets.Ministers, v => v.Slug == "tony-ryall");

        // The portfolio facet follows the selection.
        var (_, portfolios) = await StoreCountsAsync(await HitIdsAsync(new SearchRequest { Ministers = ["john-key"] }));
        Assert.Equal(portfolios, AsDictionary(withSelection.Facets.Portfolios));
    }

    [Theory]
    [InlineData("japan")]
    [InlineData("trade OR health")]
    public async Task Years_SumToTheTotal_WhenEveryHitIsDated(string query)
    {
        var result = await SearchAsync(query);
        Assert.All(result.Items, h => Assert.NotNull(h.Date));
        Assert.Equal(result.Total, result.Facets.Years.Sum(y => y.Count));
        var expected = result.Items.GroupBy(h => h.Date!.Value.Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count()));
        Assert.Equal(expected, result.Facets.Years);
    }

    [Fact]
    public async Task Years_LeaveOutUndatedHits()
    {
        var result = await SearchAsync(new SearchRequest { PageSize = 100 });
        var undated = result.Items.Count(h => h.Date is null);
        Assert.True(undated > 0);
        Assert.Equal(result.Total - undated, result.Facets.Years.Sum(y => y.Count));
        Assert.Equal(result.Facets.Years.OrderBy(y => y.Year), result.Facets.Years);
    }

    [Fact]
    public async Task Years_FollowTheFilters()
    {
        var result = await SearchAsync(new SearchRequest { Ministers = ["john-key"], PageSize = 100 });
        var expected = result.Items.GroupBy(h => h.Date!.Value.Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count()));
        Assert.Equal(expected, result.Facets.Years);
    }

    [Fact]
    public async Task FacetLimit_CutsTheList_ButKeepsSelectedValues()
    {
        var all = await SearchAsync(new SearchRequest { FacetLimit = 1000 });
        Assert.True(all.Facets.Ministers.Count > 5);
        foreach (var limit in new[] { 1, 2, 3, 5 })
        {
            // The first values of the full list, ties in count broken by name as there.
            var limited = await SearchAsync(new SearchRequest { FacetLimit = limit });
            Assert.Equal(all.Facets.Ministers.Take(limit), limited.Facets.Ministers);
            Assert.Equal(all.Facets.Portfolios.Take(limit), limited.Facets.Portfolios);
        }

        var lastMinister = all.Facets.Ministers[^1];
        var withSelection = await SearchAsync(new SearchRequest { FacetLimit = 2, Ministers = [lastMinister.Slug] });
        Assert.Equal(3, withSelection.Facets.Ministers.Count);
        Assert.Equal(lastMinister, withSelection.Facets.Ministers[^1]);
    }

    [Fact]
    public async Task SelectedValueThatMatchesNothing_IsStillListedWithZero()
    {
        var result = await SearchAsync(new SearchRequest { Ministers = ["nobody-at-all"] });
        var value = Assert.Single(result.Facets.Ministers, v => v.Slug == "nobody-at-all");
        Assert.Equal(0, value.Count);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task FacetCounts_StayExact_AfterEditsAndRemovals()
    {
        // A second and third ingest leave the index with several segments and deleted documents.
        Store.Source.Write("china-visit.md", SampleReleases.All["china-visit"] with { Ministers = ["Tony Ryall"], Portfolios = ["Health"] });
        Store.Source.Delete("budget-health.md");
        await Store.IngestAsync();
        Store.Source.Write("email-scam.md", SampleReleases.All["email-scam"] with { Ministers = ["John Key", "Kris Faafoi"] });
        await Store.IngestAsync();

        foreach (var request in new[]
        {
            new SearchRequest { FacetLimit = 1000 },
            new SearchRequest { Query = "officials OR trade OR health", FacetLimit = 1000 },
        })
        {
            var ids = await HitIdsAsync(request);
            var (ministers, portfolios) = await StoreCountsAsync(ids);
            var result = await SearchAsync(request);
            Assert.Equal(ministers, AsDictionary(result.Facets.Ministers));
            Assert.Equal(portfolios, AsDictionary(result.Facets.Portfolios));
            var years = await StoreYearsAsync(ids);
            Assert.True(years.Count > 1, "the sample should span several years");
            Assert.Equal(years, result.Facets.Years);

            foreach (var value in result.Facets.Ministers)
            {
                var selected = await SearchAsync(request with { Ministers = [value.Slug] });
                Assert.Equal(value.Count, selected.Total);
                Assert.Equal(ministers, AsDictionary(selected.Facets.Ministers));
            }
        }
    }
}
