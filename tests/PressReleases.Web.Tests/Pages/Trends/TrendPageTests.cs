using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Trends;

/// <summary>
/// /trends over the seeds, read as HTML: a chart (an image named by its title) and a table that says what the JSON
/// says, links from every listing to the trend of its own search, and bad parameters left out with the listing's notice.
/// </summary>
public sealed class TrendPageTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("q=japan")]
    [InlineData("q=japan&from=2014-01-01&to=2015-06-30")]
    [InlineData("")]
    public async Task ThePage_ShowsAChartAndATable_OfTheSameCountsAsTheJson(string query)
    {
        var json = await Client.GetTrendAsync(query);

        var page = await Client.GetPageAsync("/trends?" + query);

        Assert.Equal(json.Total, PageChecksNumber(page.QuerySelector("#trend-heading")!.TextContent));
        var charts = page.QuerySelectorAll("svg.trend__chart").ToList();
        var chart = Assert.Single(charts);
        AssertNamedImage(chart);
        Assert.Equal(json.Periods.Count(p => p.Count > 0), chart.QuerySelectorAll("rect.trend__bar").Length);
        var heights = chart.QuerySelectorAll("rect.trend__bar").Select(b => double.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture)).ToList();
        var counts = json.Periods.Where(p => p.Count > 0).Select(p => p.Count).ToList();
        Assert.Equal(counts.IndexOf(counts.Max()), heights.IndexOf(heights.Max()));

        var rows = Rows(page);
        Assert.Equal(json.Periods.Select(p => (p.Count.ToString("N0", CultureInfo.InvariantCulture), p.All.ToString("N0", CultureInfo.InvariantCulture))), rows.Select(r => (r.Cells[0], r.Cells[1])));
        Assert.Equal(json.Periods.Select(p => p.Share is { } s ? s > 0 : (bool?)null), rows.Select(r => r.Cells[2] == "—" ? (bool?)null : r.Cells[2] != "0%"));
    }

    [Fact]
    public async Task EachPeriodLinksToTheListing_ThatFindsAsManyReleases()
    {
        var page = await Client.GetPageAsync("/trends?q=health&from=2005-03-15");

        var rows = Rows(page).Where(r => r.Cells[0] != "0").Take(4).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var link = QueryHelpers.ParseQuery(new Uri("http://x" + row.Href).Query);
            Assert.StartsWith("/releases?", row.Href, StringComparison.Ordinal);
            Assert.Equal("health", link["q"].ToString());
            Assert.True(string.CompareOrdinal(link["from"].ToString(), "2005-03-15") >= 0);
            var listing = ListingPage.Parse(await Client.GetPageAsync(row.Href));
            Assert.Equal(int.Parse(row.Cells[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), listing.Count);
        }
    }

    [Fact]
    public async Task Split_DrawsAChartPerName_OnOneScale_AndAColumnPerName()
    {
        var json = await Client.GetTrendAsync("split=portfolio");

        var page = await Client.GetPageAsync("/trends?split=portfolio");

        var names = json.Split!.Values.Select(v => v.Name).ToList();
        Assert.Equal(5, names.Count);
        var charts = page.QuerySelectorAll("svg.trend__chart").ToList();
        Assert.Equal(6, charts.Count);
        Assert.All(charts, AssertNamedImage);
        Assert.Equal(names, charts.Skip(1).Select(c => c.QuerySelector("title")!.TextContent.Split(" per ")[0]));
        var scales = charts.Skip(1).Select(c => c.QuerySelectorAll(".trend__value").Last().TextContent).Distinct();
        Assert.Single(scales);

        var headers = page.QuerySelectorAll(".trend__table thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Year", "Releases", "All releases", "Share", .. names, "Other"], headers);
        Assert.Equal(
            json.Periods.Select(p => p.Split!.Append(p.Other!.Value).Select(c => c.ToString("N0", CultureInfo.InvariantCulture))),
            Rows(page).Select(r => r.Cells.Skip(3)));
    }

    [Fact]
    public async Task Share_DrawsTheShares_AsPercentages()
    {
        var json = await Client.GetTrendAsync("q=japan");

        var page = await Client.GetPageAsync("/trends?q=japan&measure=share");

        var chart = page.QuerySelector("svg.trend__chart")!;
        Assert.Contains("share of all releases", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.All(chart.QuerySelectorAll(".trend__value"), label => Assert.EndsWith("%", label.TextContent, StringComparison.Ordinal));
        Assert.Equal(json.Periods.Count(p => p.Share > 0), chart.QuerySelectorAll("rect.trend__bar").Length);
        Assert.Equal("share", page.QuerySelector("input[name=measure][checked]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task UndatedReleases_AreSaidApart()
    {
        var json = await Client.GetTrendAsync();

        var page = await Client.GetPageAsync("/trends");

        Assert.Equal(1, json.Undated);
        Assert.Equal("1 release has no known date: counted in the total, in no year.", page.QuerySelector(".trend__undated")?.TextContent.Trim());
    }

    [Fact]
    public async Task BadParameters_AreLeftOut_WithTheListingsNotice()
    {
        var listing = await Client.GetPageAsync("/releases?from=soon");

        var page = await Client.GetPageAsync("/trends?q=japan&from=soon&split=party");

        var notices = page.QuerySelectorAll(".notice--warning li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(listing.QuerySelector(".notice--warning li")!.TextContent.Trim(), notices);
        Assert.Contains(notices, n => n.Contains("'party' is not a split", StringComparison.Ordinal));
        Assert.Equal((await Client.GetTrendAsync("q=japan")).Total, PageChecksNumber(page.QuerySelector("#trend-heading")!.TextContent));
    }

    [Fact]
    public async Task TheForm_KeepsTheNamesAndOffersSplitAndMeasure_WithoutScript()
    {
        var page = await Client.GetPageAsync("/trends?q=japan&minister=helen-clark&split=minister");

        var form = page.QuerySelector("form.list-search")!;
        Assert.Equal("/trends", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("helen-clark", form.QuerySelector("input[type=hidden][name=minister]")?.GetAttribute("value"));
        Assert.Equal("minister", form.QuerySelector("select[name=split] option[selected]")?.GetAttribute("value"));
        Assert.Equal(["", "share"], form.QuerySelectorAll("input[type=radio][name=measure]").Select(r => r.GetAttribute("value")));
        Assert.Equal("", form.QuerySelector("input[name=measure][checked]")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("/trends?q=japan&split=minister", page.QuerySelector(".active-filters a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/releases?q=japan&from=2001-01-01&to=2020-12-31&sort=oldest&page=1", "q=japan&from=2001-01-01&to=2020-12-31")]
    [InlineData("/releases?minister=helen-clark&portfolio=prime-minister", "minister=helen-clark&portfolio=prime-minister")]
    [InlineData("/ministers/helen-clark?q=japan", "q=japan&minister=helen-clark")]
    [InlineData("/portfolios/prime-minister", "portfolio=prime-minister")]
    public async Task EveryListing_LinksToTheTrendOfItsOwnSearch(string listing, string expected)
    {
        var page = await Client.GetPageAsync(listing);

        var link = page.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "Trend of these results");
        Assert.NotNull(link);
        Assert.Equal("/trends?" + expected, link.GetAttribute("href"));
        var trend = await Client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(ListingPage.Parse(page).Count, PageChecksNumber(trend.QuerySelector("#trend-heading")!.TextContent));
    }

    private static void AssertNamedImage(IElement svg)
    {
        Assert.Equal("img", svg.GetAttribute("role"));
        var titleId = svg.GetAttribute("aria-labelledby");
        Assert.False(string.IsNullOrEmpty(titleId));
        Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector($"title#{titleId}")?.TextContent));
    }

    /// <summary>The table's rows: the period's link and the other cells' text.</summary>
    private static List<(string Href, List<string> Cells)> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll(".trend__table tbody tr")
            .Select(tr => (tr.QuerySelector("th a")!.GetAttribute("href")!, tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()))
            .ToList();

    private static int PageChecksNumber(string text) =>
        int.Parse(new string(text.TakeWhile(c => char.IsDigit(c) || c == ',').ToArray()), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
