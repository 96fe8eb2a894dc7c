using System.Net;
using PressReleases.Web.Tests.Pages.Reannouncements;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>GET /api/releases/{slug} carries the release's re-announcements, as its page shows them.</summary>
public sealed class ReannouncementApiTests(ReannouncementsFixture site) : IClassFixture<ReannouncementsFixture>
{
    [Fact]
    public async Task AReleaseWithAPair_ListsTheOther_WithBothShares_AndWhichIsFirst()
    {
        var later = await ReannouncementsOfAsync("bill-passes");
        var earlier = await ReannouncementsOfAsync("bill-introduced");

        // bill-passes: 126 of its 166 runs are in bill-introduced, 126 of bill-introduced's 146 are in it.
        Assert.Equal([("bill-introduced", "Bill introduced", "2021-03-01", 0.759, 0.863, true)], later);
        Assert.Equal([("bill-passes", "Bill passes", "2021-09-01", 0.863, 0.759, false)], earlier);
    }

    [Fact]
    public async Task AReleaseWithoutPairs_HasAnEmptyList()
    {
        Assert.Empty(await ReannouncementsOfAsync("alone"));
    }

    private async Task<List<(string?, string?, string?, double, double, bool)>> ReannouncementsOfAsync(string slug)
    {
        var response = await site.Client.GetJsonAsync($"/api/releases/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Root.GetProperty("reannouncements").EnumerateArray().Select(r => (
            r.GetProperty("slug").GetString(),
            r.GetProperty("title").GetString(),
            r.GetProperty("date").GetString(),
            r.GetProperty("share").GetDouble(),
            r.GetProperty("otherShare").GetDouble(),
            r.GetProperty("first").GetBoolean())).ToList();
    }
}
