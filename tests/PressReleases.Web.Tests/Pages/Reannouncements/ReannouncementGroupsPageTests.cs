using System.Net;
using AngleSharp.Dom;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Reannouncements;

/// <summary>/reannouncements: the groups, largest first (then by first appearance), each from its first appearance.</summary>
public sealed class ReannouncementGroupsPageTests(ReannouncementsFixture site) : IClassFixture<ReannouncementsFixture>
{
    [Fact]
    public async Task TheGroups_AreListed_EachFromItsFirstAppearance_WithTheShares()
    {
        var page = await site.Client.GetPageAsync("/reannouncements");

        Assert.Equal("Re-announcements", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("2 groups of 4 releases", PageText.Of(page.QuerySelector(".result-count")));
        var groups = page.QuerySelectorAll("li.reannounce-group").ToList();
        Assert.Equal(["Bill introduced (2 releases)", "Omnibus statement (2 releases)"], groups.Select(g => PageText.Of(g.QuerySelector("h2"))));
        Assert.Equal(
            [
                [("/releases/bill-introduced", "2021-03-01", "86%", true), ("/releases/bill-passes", "2021-09-01", "75%", false)],
                [("/releases/omnibus", "2021-05-01", "48%", true), ("/releases/part", "2021-05-02", "100%", false)],
            ],
            groups.Select(Rows));
        Assert.All(groups, g => Assert.Equal(g.QuerySelector("h2")?.Id, g.QuerySelector("section")?.GetAttribute("aria-labelledby")));
        Assert.Null(page.QuerySelector("nav.pagination"));
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=abc")]
    [InlineData("?page=2")]
    public async Task APageThatIsNotOneOfItsLinks_IsNotFound(string query)
    {
        var page = await site.Client.GetHtmlAsync("/reannouncements" + query);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    private static List<(string Href, string Date, string Share, bool First)> Rows(IElement group) =>
        group.QuerySelectorAll("tbody tr").Select(tr => (
            tr.QuerySelector("th a")!.GetAttribute("href")!,
            tr.QuerySelector("time")?.GetAttribute("datetime") ?? "",
            PageText.Of(tr.QuerySelector("td.num")),
            PageText.Of(tr.QuerySelector(".reannounce__badge")) == "First appearance")).ToList();
}
