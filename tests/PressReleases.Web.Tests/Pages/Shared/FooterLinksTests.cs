using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Shared;

/// <summary>Every page's footer reaches the research pages that no listing's facets lead to, and each of them answers.</summary>
public sealed class FooterLinksTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/ministers")]
    public async Task Footer_LinksTrendsReannouncementsAndWithdrawnReleases_AndEachAnswers(string path)
    {
        var page = await site.Client.GetPageAsync(path);
        var links = page.QuerySelectorAll(".site-footer__links a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/help/search", "/help/api", "/trends", "/reannouncements", "/releases/withdrawn"], links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await site.Client.GetHtmlAsync(link!)).Status);
        }
    }
}
