using System.Globalization;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>Releases with known dates and names, ingested once; every expected count below is read off this list.</summary>
public sealed class TrendReleasesFixture : IAsyncLifetime
{
    /// <param name="Harbour">Whether the body says "harbour" (the word the tests search for).</param>
    public sealed record Spec(string Name, string Date, string[] Ministers, string[] Portfolios, bool Harbour)
    {
        public DateOnly? Day => Date == "0001-01-01" ? null : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // 2011 has no release at all; January 2012 and December 2014 bound a range of exactly 36 months; Fay Ford's
    // releases span March to September 2013; one harbour release is undated.
    public static readonly IReadOnlyList<Spec> Releases =
    [
        new("h-2010-01", "2010-01-15", ["Ann Able"], ["Harbours"], true),
        new("h-2010-06", "2010-06-02", ["Ann Able", "Ben Baker"], ["Harbours", "Transport"], true),
        new("x-2010-07", "2010-07-07", ["Cat Cole"], ["Health"], false),
        new("x-2012-01", "2012-01-03", ["Dan Dunn"], ["Health"], false),
        new("h-2012-05", "2012-05-05", ["Ben Baker"], ["Harbours"], true),
        new("h-2013-03", "2013-03-01", ["Fay Ford"], ["Transport"], true),
        new("h-2013-09", "2013-09-30", ["Fay Ford", "Eve Eden"], ["Transport"], true),
        new("x-2013-09", "2013-09-12", ["Eve Eden"], ["Health"], false),
        new("h-2014-02", "2014-02-14", ["Cat Cole"], ["Harbours"], true),
        new("h-2014-12", "2014-12-31", ["Gus Gray"], ["Harbours"], true),
        new("x-2014-12", "2014-12-01", ["Ann Able"], ["Finance"], false),
        new("h-undated", "0001-01-01", ["Ann Able"], ["Harbours"], true),
    ];

    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync();
        foreach (var release in Releases)
        {
            Store.Source.Write($"{release.Name}.md", new ReleaseFileText
            {
                Title = $"Release {release.Name}",
                Date = release.Date,
                Ministers = release.Ministers,
                Portfolios = release.Portfolios,
                Body = release.Harbour ? "Works on the harbour continue this season." : "Clinics open across the region.",
            });
        }

        var report = await Store.IngestAsync();
        Assert.Equal(Releases.Count, report.Added);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

/// <summary>
/// SearchService.TrendAsync: matching releases per year or month, with no gaps, beside all releases of the period,
/// undated ones apart, split by the names with most releases; each count the listing's year facet.
/// </summary>
public sealed class TrendTests(TrendReleasesFixture site) : IClassFixture<TrendReleasesFixture>
{
    private static IReadOnlyList<TrendReleasesFixture.Spec> Releases => TrendReleasesFixture.Releases;

    private SearchService Search => site.Store.Search;

    private static int InYear(int year, Func<TrendReleasesFixture.Spec, bool> which) => Releases.Count(r => r.Day?.Year == year && which(r));

    private static int InMonth(int year, int month, Func<TrendReleasesFixture.Spec, bool> which) =>
        Releases.Count(r => r.Day is { } d && d.Year == year && d.Month == month && which(r));

    [Fact]
    public async Task PerYear_CountsTheMatchingReleasesOfEachYear_WithEmptyYearsBetween()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour" });

        Assert.Equal(TrendPeriodLength.Year, trend.PeriodLength);
        Assert.Equal(["2010", "2011", "2012", "2013", "2014"], trend.Periods.Select(p => p.Key));
        Assert.Equal([2010, 2011, 2012, 2013, 2014], trend.Periods.Select(p => p.Year));
        Assert.All(trend.Periods, p => Assert.Null(p.Month));
        Assert.Equal(trend.Periods.Select(p => InYear(p.Year, r => r.Harbour)), trend.Periods.Select(p => p.Count));
        Assert.Equal(trend.Periods.Select(p => InYear(p.Year, _ => true)), trend.Periods.Select(p => p.AllCount));
        Assert.Equal(0, trend.Periods.Single(p => p.Year == 2011).Count);
        Assert.Null(trend.Words);
        Assert.Null(trend.Split);
    }

    [Fact]
    public async Task UndatedReleases_AreCountedApart_AndInNoPeriod()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour" });

        Assert.Equal(Releases.Count(r => r.Harbour), trend.Total);
        Assert.Equal(Releases.Count(r => r.Harbour && r.Day is null), trend.Undated);
        Assert.Equal(1, trend.Undated);
        Assert.Equal(trend.Total - trend.Undated, trend.Periods.Sum(p => p.Count));
    }

    [Fact]
    public async Task Share_IsTheCountOverAllReleasesOfThePeriod_AndNullForAPeriodWithNone()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour" });

        foreach (var period in trend.Periods)
        {
            var all = InYear(period.Year, _ => true);
            Assert.Equal(all == 0 ? null : (double)InYear(period.Year, r => r.Harbour) / all, period.Share);
        }

        Assert.Null(trend.Periods.Single(p => p.Year == 2011).Share);
        Assert.Equal(2.0 / 3, trend.Periods.Single(p => p.Year == 2010).Share);
    }

    [Fact]
    public async Task PerMonth_WhenTheMatchingReleasesSpanUnderThreeYears()
    {
        var fay = new SearchRequest { Ministers = ["fay-ford"] };

        var trend = await Search.TrendAsync(fay);

        Assert.Equal(TrendPeriodLength.Month, trend.PeriodLength);
        Assert.Equal(["2013-03", "2013-04", "2013-05", "2013-06", "2013-07", "2013-08", "2013-09"], trend.Periods.Select(p => p.Key));
        Assert.Equal(trend.Periods.Select(p => InMonth(2013, p.Month!.Value, r => r.Ministers.Contains("Fay Ford"))), trend.Periods.Select(p => p.Count));
        Assert.Equal(trend.Periods.Select(p => InMonth(2013, p.Month!.Value, _ => true)), trend.Periods.Select(p => p.AllCount));
        var september = trend.Periods[^1];
        Assert.Equal((new DateOnly(2013, 9, 1), new DateOnly(2013, 9, 30)), (september.Start, september.End));
        Assert.Equal(0.5, september.Share);
    }

    [Theory]
    [InlineData("2012-01-01", "2014-12-31", TrendPeriodLength.Year, "2012", "2014")] // January 2012 to December 2014: 36 months
    [InlineData("2012-02-01", "2014-12-31", TrendPeriodLength.Month, "2012-02", "2014-12")] // 35 months, the first of them with no release
    [InlineData("1900-01-01", "2100-12-31", TrendPeriodLength.Year, "2010", "2014")] // bounds beyond every release draw no empty years
    [InlineData("2009-06-01", "2010-03-31", TrendPeriodLength.Month, "2010-01", "2010-03")] // moved in to the first release, January 2010
    public async Task GivenDates_BoundThePeriods_MovedInToTheFirstAndLastRelease_AndChooseTheirLength(
        string from, string to, TrendPeriodLength length, string first, string last)
    {
        var request = new SearchRequest { Query = "harbour", From = DateOnly.Parse(from, CultureInfo.InvariantCulture), To = DateOnly.Parse(to, CultureInfo.InvariantCulture) };

        var trend = await Search.TrendAsync(request);

        Assert.Equal(length, trend.PeriodLength);
        Assert.Equal((first, last), (trend.Periods[0].Key, trend.Periods[^1].Key));
        Assert.Equal(0, trend.Undated);
        Assert.Equal(trend.Total, trend.Periods.Sum(p => p.Count));
    }

    [Fact]
    public async Task DatesWithNoReleaseInThem_GiveEveryPeriodAtZero()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour", From = new DateOnly(2011, 1, 1), To = new DateOnly(2011, 12, 31) });

        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2011-{m:D2}"), trend.Periods.Select(p => p.Key));
        Assert.All(trend.Periods, p => Assert.Equal((0, 0, (double?)null), (p.Count, p.AllCount, p.Share)));
    }

    [Fact]
    public async Task AYearCutByTheDates_CountsOnlyWithinThem_BothTheMatchesAndAll()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour", From = new DateOnly(2010, 3, 1) });

        var first = trend.Periods[0];
        Assert.Equal(2010, first.Year);
        Assert.Equal(1, first.Count); // h-2010-06; h-2010-01 is before the dates
        Assert.Equal(2, first.AllCount); // and x-2010-07
    }

    [Fact]
    public async Task SplitByMinister_CountsTheFiveWithMostReleases_AndTheReleasesNamingNoneOfThem()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "harbour" }, NameKind.Minister);

        // Harbour releases: Ann Able 3 (one undated), Ben Baker 2, Fay Ford 2, Cat Cole 1, Eve Eden 1, Gus Gray 1;
        // ties by name, so Gus Gray is the sixth and his release counts as other.
        var split = Assert.IsType<TrendSplit>(trend.Split);
        Assert.Equal(NameKind.Minister, split.Kind);
        Assert.Equal(
            [("ann-able", "Ann Able", 3), ("ben-baker", "Ben Baker", 2), ("fay-ford", "Fay Ford", 2), ("cat-cole", "Cat Cole", 1), ("eve-eden", "Eve Eden", 1)],
            split.Values.Select(v => (v.Slug, v.Name, v.Count)));
        foreach (var period in trend.Periods)
        {
            var expected = split.Values.Select(v => InYear(period.Year, r => r.Harbour && r.Ministers.Contains(v.Name)));
            Assert.Equal(expected, period.SplitCounts);
            Assert.Equal(InYear(period.Year, r => r.Harbour && !r.Ministers.Any(m => split.Values.Any(v => v.Name == m))), period.Other);
        }

        // A release naming two of them counts under each: h-2010-06 (Ann Able and Ben Baker), h-2013-09 (Fay Ford and Eve Eden).
        Assert.Equal([2, 1, 0, 0, 0], trend.Periods.Single(p => p.Year == 2010).SplitCounts);
        Assert.Equal([0, 0, 2, 0, 1], trend.Periods.Single(p => p.Year == 2013).SplitCounts);
        Assert.Equal([0, 0, 0, 1, 0], trend.Periods.Single(p => p.Year == 2014).SplitCounts);
        Assert.Equal(1, trend.Periods.Single(p => p.Year == 2014).Other);
    }

    [Fact]
    public async Task SplitByPortfolio_WithAMinisterFilter_CountsOnlyTheFilteredReleases()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Ministers = ["ann-able"] }, NameKind.Portfolio);

        // Ann Able: Harbours 3 (h-2010-01, h-2010-06, h-undated), Finance 1, Transport 1.
        Assert.Equal([("harbours", 3), ("finance", 1), ("transport", 1)], trend.Split!.Values.Select(v => (v.Slug, v.Count)));
        Assert.Equal(Releases.Count(r => r.Ministers.Contains("Ann Able")), trend.Total);
        Assert.Equal(trend.Periods.Select(p => InYear(p.Year, r => r.Ministers.Contains("Ann Able"))), trend.Periods.Select(p => p.Count));
        Assert.All(trend.Periods, p => Assert.Equal(0, p.Other));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("harbour")]
    [InlineData("clinics")]
    [InlineData("harbour zeppelin")] // no release has both words: the listing shows, and its facets count, those with either
    public async Task EachYearsCount_IsTheListingsYearFacet(string? query)
    {
        var listing = await Search.SearchAsync(new SearchRequest { Query = query });

        var trend = await Search.TrendAsync(new SearchRequest { Query = query });

        Assert.Equal(listing.Facets.Years.Select(y => (y.Year, y.Count)), trend.Periods.Where(p => p.Count > 0).Select(p => (p.Year, p.Count)));
        Assert.Equal(listing.MatchedAnyWord, trend.MatchedAnyWord);
        Assert.Equal(listing.InterpretedAs, trend.InterpretedAs);
    }

    [Fact]
    public async Task AQueryNoReleaseMatches_HasNoPeriods()
    {
        var trend = await Search.TrendAsync(new SearchRequest { Query = "zeppelin" });

        Assert.Empty(trend.Periods);
        Assert.Equal(0, trend.Total);
    }
}
