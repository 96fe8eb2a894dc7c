using System.Globalization;
using AngleSharp.Dom;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Names;

/// <summary>
/// Who held what, when: a portfolio's page shows the ministers who issued its releases, a minister's page their
/// portfolios, each first to last release, as an SVG timeline and a table that says the same. Expected rows come from
/// the written releases (honorific and macron variants are one name).
/// </summary>
public sealed class TimelineTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    [Fact]
    public async Task APortfolio_ShowsItsMinisters_FirstToLast_InATableAndAChart()
    {
        var page = await site.Client.GetPageAsync("/portfolios/maori-affairs");

        var section = Section(page, "Ministers over time");
        // Māori Affairs (either spelling): Jane 2018-01-10 … 2019-03-10 (3 releases), Sam 2019-03-10 … 2021-06-01 (2).
        Assert.Equal(
            [
                ("Jane Example", "/ministers/jane-example", "3", "2018-01-10", "2019-03-10"),
                ("Sam Sample", "/ministers/sam-sample", "2", "2019-03-10", "2021-06-01"),
            ],
            Rows(section));
        AssertChartMatchesTable(section);
    }

    [Fact]
    public async Task AMinister_ShowsTheirPortfolios_FirstToLast()
    {
        var page = await site.Client.GetPageAsync("/ministers/sam-sample");

        var section = Section(page, "Portfolios over time");
        Assert.Equal(
            [
                ("Fisheries", "/portfolios/fisheries", "2", "2019-03-10", "2020-01-01"),
                ("Māori Affairs", "/portfolios/maori-affairs", "2", "2019-03-10", "2021-06-01"),
            ],
            Rows(section));
        AssertChartMatchesTable(section);
    }

    [Fact]
    public async Task TheCountsAgree_WithTheListingOfBothNamesTogether()
    {
        var page = await site.Client.GetPageAsync("/portfolios/fisheries");
        var rows = Rows(Section(page, "Ministers over time"));

        foreach (var (_, href, count, _, _) in rows)
        {
            var minister = href.Split('/')[^1];
            var list = await site.Client.GetReleaseListAsync($"portfolio=fisheries&minister={minister}");
            Assert.Equal(int.Parse(count, CultureInfo.InvariantCulture), list.Total);
        }
    }

    private static IElement Section(AngleSharp.Html.Dom.IHtmlDocument page, string heading)
    {
        var section = page.QuerySelector("section.timeline");
        Assert.NotNull(section);
        Assert.Equal(heading, section.QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal(heading, section.QuerySelector("table caption")?.TextContent.Trim());
        return section;
    }

    private static List<(string Name, string Href, string Count, string First, string Last)> Rows(IElement section) =>
        section.QuerySelectorAll("table tbody tr").Select(tr =>
        {
            var link = tr.QuerySelector("th a")!;
            var cells = tr.QuerySelectorAll("td").ToList();
            return (link.TextContent.Trim(), link.GetAttribute("href")!, cells[0].TextContent.Trim(),
                cells[1].QuerySelector("time")?.GetAttribute("datetime") ?? "", cells[2].QuerySelector("time")?.GetAttribute("datetime") ?? "");
        }).ToList();

    /// <summary>The chart is an image named by its title, with a labelled row per table row and a bar per dated one, in order of first release.</summary>
    private static void AssertChartMatchesTable(IElement section)
    {
        var svg = section.QuerySelector("svg");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        var titleId = svg.GetAttribute("aria-labelledby");
        Assert.False(string.IsNullOrEmpty(titleId));
        Assert.NotNull(svg.QuerySelector($"title#{titleId}"));

        var rows = Rows(section);
        var labels = svg.QuerySelectorAll(".timeline__label").Select(t => t.TextContent).ToList();
        Assert.Equal(rows.Select(r => r.Name), labels);
        var bars = svg.QuerySelectorAll(".timeline__bar").Select(b => double.Parse(b.GetAttribute("x")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rows.Count(r => r.First.Length > 0), bars.Count);
        Assert.Equal(bars.Order(), bars);
        Assert.All(svg.QuerySelectorAll(".timeline__bar"), b => Assert.True(double.Parse(b.GetAttribute("width")!, CultureInfo.InvariantCulture) > 0));
    }
}
