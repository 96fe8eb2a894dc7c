using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>/help/api renders, and every example it offers works.</summary>
public sealed class ApiHelpPageTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    [Fact]
    public async Task Page_Renders_AndEveryExampleLinkAnswers200()
    {
        var page = await site.Client.GetPageAsync("/help/api");
        var examples = page.QuerySelectorAll("a.example").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        Assert.Contains("/openapi/v1.json", examples);
        Assert.Contains(examples, e => e.StartsWith("/api/releases.csv", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.StartsWith("/feeds/releases.atom", StringComparison.Ordinal));
        Assert.Contains("curl 'http://localhost/api/releases?q=geothermal&pageSize=5'", page.Body!.TextContent, StringComparison.Ordinal);
        foreach (var example in examples)
        {
            using var response = await site.Client.GetAsync(example);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{example} answered {(int)response.StatusCode}");
        }
    }
}
