using AngleSharp.Dom;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Reannouncements;

/// <summary>A release page links the releases that share much of its text, both ways, with the shares and the first appearance.</summary>
public sealed class ReleasePageReannouncementTests(ReannouncementsFixture site) : IClassFixture<ReannouncementsFixture>
{
    [Fact]
    public async Task TheLaterRelease_LinksTheEarlier_WithItsShare_AndMarksItTheFirstAppearance()
    {
        var section = await SectionAsync("/releases/bill-passes");

        Assert.Null(section.QuerySelector(".reannounce__first-here"));
        Assert.Equal(
            [("Much of this text also appears in", "/releases/bill-introduced", "Bill introduced", "2021-03-01", "(75% of this release’s text)", true)],
            Lists(section));
    }

    [Fact]
    public async Task TheEarlierRelease_LinksTheLater_AndSaysItIsTheFirstAppearance()
    {
        var section = await SectionAsync("/releases/bill-introduced");

        Assert.Equal("First appearance: this release is the earliest with this text.", PageText.Of(section.QuerySelector(".reannounce__first-here")));
        Assert.Equal(
            [("Much of this text also appears in", "/releases/bill-passes", "Bill passes", "2021-09-01", "(86% of this release’s text)", false)],
            Lists(section));
    }

    [Fact]
    public async Task AReleaseHoldingAShorterOneWhole_ListsItApart_WithTheShorterOnesShare()
    {
        var omnibus = await SectionAsync("/releases/omnibus");
        var part = await SectionAsync("/releases/part");

        Assert.Equal(
            [("Much of their text appears in this release", "/releases/part", "Part of the statement", "2021-05-02", "(100% of its text)", false)],
            Lists(omnibus));
        Assert.Equal(
            [("Much of this text also appears in", "/releases/omnibus", "Omnibus statement", "2021-05-01", "(100% of this release’s text)", true)],
            Lists(part));
        Assert.Equal("/reannouncements", omnibus.QuerySelector(".reannounce__more a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AReleaseSharingNoText_HasNoSection()
    {
        var page = await site.Client.GetPageAsync("/releases/alone");

        Assert.Null(page.QuerySelector("section.reannounce"));
    }

    private async Task<IElement> SectionAsync(string path)
    {
        var page = await site.Client.GetPageAsync(path);
        var section = page.QuerySelector("section.reannounce");
        Assert.NotNull(section);
        Assert.Equal("Re-announcements", PageText.Of(section.QuerySelector("h2")));
        Assert.Equal(section.GetAttribute("aria-labelledby"), section.QuerySelector("h2")?.Id);
        return section;
    }

    /// <summary>Each listed release, under the heading of its list.</summary>
    private static List<(string Heading, string Href, string Title, string Date, string Share, bool First)> Lists(IElement section) =>
        section.QuerySelectorAll("h3").SelectMany(h3 => h3.NextElementSibling!.QuerySelectorAll("li").Select(li => (
            PageText.Of(h3),
            li.QuerySelector("a")!.GetAttribute("href")!,
            PageText.Of(li.QuerySelector("a")),
            li.QuerySelector("time")?.GetAttribute("datetime") ?? "",
            PageText.Of(li.QuerySelector(".reannounce__share")),
            PageText.Of(li.QuerySelector(".reannounce__badge")) == "First appearance"))).ToList();
}
