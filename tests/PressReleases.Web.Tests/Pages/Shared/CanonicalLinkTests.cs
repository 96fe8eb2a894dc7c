using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Shared;

/// <summary>Every page names one canonical address, so search engines and citations converge on one URL.</summary>
public sealed class CanonicalLinkTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("/releases?q=japan&sort=newest", "/releases?q=japan&sort=newest")]
    [InlineData("/", "/releases")]
    [InlineData("/ministers", "/ministers")]
    [InlineData("/ministers/john-key", "/ministers/john-key")]
    [InlineData("/portfolios", "/portfolios")]
    [InlineData("/help/search", "/help/search")]
    [InlineData("/releases/enhancing-new-zealand--japan-cooperation?q=japan", "/releases/enhancing-new-zealand--japan-cooperation")]
    public async Task Page_HasExactlyOneAbsoluteCanonicalLink(string requested, string expectedPathAndQuery)
    {
        var document = await Client.GetPageAsync(requested);

        var links = document.QuerySelectorAll("link[rel='canonical']");
        Assert.Single(links);
        var href = new Uri(links[0].GetAttribute("href")!);
        Assert.True(href.IsAbsoluteUri);
        Assert.Equal(expectedPathAndQuery, href.PathAndQuery);
    }

    [Fact]
    public async Task ErrorPage_HasNoCanonicalLink()
    {
        using var response = await Client.GetAsync("/releases/no-such-release");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("rel=\"canonical\"", html, StringComparison.Ordinal);
    }
}
