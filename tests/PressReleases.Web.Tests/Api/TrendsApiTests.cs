using System.Net;
using System.Text;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>
/// /api/trends and /trends.csv over the seeds: each period's count is the listing's count of the same search within that
/// period, its share that count over the listing's count of every release in it, and the CSV says what the JSON says.
/// </summary>
public sealed class TrendsApiTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("")]
    [InlineData("q=japan")]
    [InlineData("q=health")]
    [InlineData("q=%22prime+minister%22+-budget")]
    [InlineData("q=prime+minister")] // two words: a year's listing with few releases having both lists those with either after them
    [InlineData("q=japan&from=2014-01-01&to=2015-06-30")] // by month
    [InlineData("q=health&from=2005-03-15")] // the first year cut by the date
    public async Task EachPeriodsCount_IsTheListingsTotal_ForThatPeriod(string query)
    {
        var trend = await Client.GetTrendAsync(query);

        Assert.NotEmpty(trend.Periods);
        foreach (var period in trend.Periods)
        {
            Assert.True(period.Count == await Client.ListedInAsync(query, period), $"{period.Period}: the trend counts {period.Count}.");
        }

        var listed = await Client.GetReleaseListAsync(query + (query.Length > 0 ? "&" : "") + "pageSize=1");
        Assert.Equal(listed.Total, trend.Total);
        Assert.Equal(listed.Facets.Years.Select(y => y.Count), trend.Periods.Where(p => p.Count > 0).Select(p => p.Count));
        Assert.Equal(trend.Total, trend.Periods.Sum(p => p.Count) + trend.Undated);
    }

    [Fact]
    public async Task ForAMinister_EachYearIsTheListingsYearFacet()
    {
        var top = (await Client.GetReleaseListAsync("facetLimit=1&pageSize=1")).Facets.Ministers.Single();

        var trend = await Client.GetTrendAsync($"minister={top.Slug}");
        var listing = await Client.GetReleaseListAsync($"minister={top.Slug}&pageSize=1");

        Assert.Equal("year", trend.Period);
        Assert.Equal(listing.Facets.Years.Select(y => (y.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), y.Count)), trend.Periods.Where(p => p.Count > 0).Select(p => (p.Period, p.Count)));
        Assert.Equal(top.Count, trend.Total);
    }

    [Fact]
    public async Task Periods_RunFromTheFirstToTheLast_WithoutGaps()
    {
        var byYear = await Client.GetTrendAsync("q=japan");
        var byMonth = await Client.GetTrendAsync("q=japan&from=2014-01-01&to=2015-06-30");

        Assert.Equal("year", byYear.Period);
        var first = int.Parse(byYear.Periods[0].Period, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(first, byYear.Periods.Count).Select(y => y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), byYear.Periods.Select(p => p.Period));
        Assert.Contains(byYear.Periods, p => p.Count == 0);

        Assert.Equal("month", byMonth.Period);
        Assert.Equal(
            Enumerable.Range(0, 18).Select(m => new DateOnly(2014, 1, 1).AddMonths(m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
            byMonth.Periods.Select(p => p.Period));
        Assert.Equal(("2015-06-01", "2015-06-30"), (byMonth.Periods[^1].Start, byMonth.Periods[^1].End));
    }

    [Fact]
    public async Task Share_IsTheCountOverEveryReleaseListedInThePeriod()
    {
        var trend = await Client.GetTrendAsync("q=health");

        foreach (var period in trend.Periods)
        {
            Assert.Equal(await Client.ListedInAsync("", period), period.All);
            Assert.Equal(TrendHttp.Rounded(period.Count, period.All), period.Share);
        }

        Assert.Contains(trend.Periods, p => p.Share is > 0 and < 1);
    }

    [Fact]
    public async Task UndatedReleases_AreCountedApart()
    {
        var all = await Client.GetTrendAsync();
        var dated = await Client.GetReleaseListAsync("from=0001-01-02&pageSize=1");
        var listed = await Client.GetReleaseListAsync("pageSize=1");

        Assert.Equal(listed.Total - dated.Total, all.Undated);
        Assert.True(all.Undated > 0, "The seeds hold an undated release.");
        Assert.Equal(dated.Total, all.Periods.Sum(p => p.Count));
    }

    [Theory]
    [InlineData("minister")]
    [InlineData("portfolio")]
    public async Task Split_IsTheFiveWithMostReleases_EachCountedAsTheListingCountsThem(string kind)
    {
        var trend = await Client.GetTrendAsync($"q=minister&split={kind}");
        var listing = await Client.GetReleaseListAsync("q=minister&pageSize=1&facetLimit=5");

        var split = Assert.IsType<ApiTrendSplit>(trend.Split);
        Assert.Equal(kind, split.Kind);
        var facet = kind == "minister" ? listing.Facets.Ministers : listing.Facets.Portfolios;
        Assert.Equal(facet.Select(v => (v.Slug, v.Name, v.Count)), split.Values.Select(v => (v.Slug, v.Name, v.Count)));
        foreach (var period in trend.Periods.Where(p => p.Count > 0))
        {
            for (var i = 0; i < split.Values.Count; i++)
            {
                Assert.Equal(await Client.ListedInAsync($"q=minister&{kind}={split.Values[i].Slug}", period), period.Split![i]);
            }

            Assert.InRange(period.Other!.Value, 0, period.Count);
        }
    }

    [Fact]
    public async Task Csv_HoldsTheSameCountsAsTheJson_OneRowPerPeriod()
    {
        var json = await Client.GetTrendAsync("q=japan&split=minister");

        using var response = await Client.GetAsync("/trends.csv?q=japan&split=minister");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(["period", "count", "share", .. json.Split!.Values.Select(v => "minister:" + v.Slug), "other"], rows[0]);
        Assert.Equal(
            json.Periods.Select(p => (List<string>)[p.Period, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Share is { } s ? TrendHttp.Invariant(s) : "",
                .. p.Split!.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), p.Other!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            rows.Skip(1));
    }

    [Fact]
    public async Task Csv_WithoutSplit_HasThreeColumns()
    {
        var text = await Client.GetStringAsync("/trends.csv?q=japan&from=2014-01-01&to=2015-06-30");
        var rows = Csv.Parse(text.TrimStart('\uFEFF'));

        Assert.Equal(["period", "count", "share"], rows[0]);
        Assert.Equal(19, rows.Count);
        Assert.All(rows.Skip(1), row => Assert.Equal(3, row.Count));
        Assert.Equal("2014-07", rows.Single(r => r[1] != "0" && r[0] != "period")[0]);
    }

    [Theory]
    [InlineData("/api/trends")]
    [InlineData("/trends.csv")]
    public async Task BadParameters_Answer400_NamingEachOne_AsTheListingDoes(string path)
    {
        var response = await Client.GetJsonAsync(path + "?from=soon&minister=Not%20A%20Slug&split=party");
        var listing = await Client.GetJsonAsync("/api/releases?from=soon&minister=Not%20A%20Slug");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        var errors = response.Root.GetProperty("errors");
        Assert.Equal(["from", "minister", "split"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(listing.Root.GetProperty("errors").GetProperty("from").ToString(), errors.GetProperty("from").ToString());
        Assert.Contains("minister or portfolio", errors.GetProperty("split")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetJsonAsync(path + "?measure=mean")).Status);
    }

    [Fact]
    public async Task Json_IsCachedBrieflyLikeTheListings()
    {
        using var response = await Client.GetAsync("/api/trends?q=japan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }
}
