using System.Net;

namespace PressReleases.Web.Tests.Security;

/// <summary>Requests only a raw socket can send, and requests past Kestrel's size limits: each gets a 4xx.</summary>
public sealed class RawRequestTests(SocketSiteFixture site) : IClassFixture<SocketSiteFixture>
{
    /// <summary>Kestrel's defaults, relied on rather than changed (docs/reliability.md).</summary>
    private const int MaxRequestLine = 8 * 1024;

    private const int MaxRequestHeaders = 32 * 1024;

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/css/../../appsettings.json")]
    [InlineData("/css/../../../PressReleases.Web.csproj")]
    [InlineData("/releases/../../../etc/passwd")]
    [InlineData("/releases/..%2f..%2f..%2fetc%2fpasswd/cite.bib")]
    [InlineData("/api/releases/../../../../etc/passwd")]
    [InlineData("/css/..\\..\\appsettings.json")]
    [InlineData("/ministers/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/portfolios/..%252f..%252fetc%252fpasswd")]
    [InlineData("/css/%c0%ae%c0%ae/%c0%ae%c0%ae/appsettings.json")]
    [InlineData("/releases/..%00.md")]
    [InlineData("/css/%00../../appsettings.json")]
    public async Task RawTraversalPath_IsRefusedOrNotFound(string target)
    {
        var (status, response) = await site.SendRawAsync(target);
        Assert.True(status is 400 or 404, $"GET {target} answered {status}: {Head(response)}");
        PathTraversalTests.AssertNoLeak(target, response);
    }

    [Fact]
    public async Task RequestLinePastTheLimit_Is414_AndOneUnderItIsSearched()
    {
        var tooLong = "/releases?q=" + new string('x', MaxRequestLine);
        using var refused = await site.Client.GetAsync(tooLong);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, refused.StatusCode);

        var apiTooLong = "/api/releases?q=" + new string('x', MaxRequestLine);
        using var apiRefused = await site.Client.GetAsync(apiTooLong);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, apiRefused.StatusCode);

        // Under the line limit but over the query limit: answered, with the cut said.
        using var answered = await site.Client.GetAsync("/api/releases?q=" + new string('x', MaxRequestLine / 2));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("cut to its first", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOversizedHeader_Is431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/releases");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', MaxRequestHeaders + 1));
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ManyHeadersAddingUpPastTheLimit_Are431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/releases");
        for (var i = 0; i < 200; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Padding-{i}", new string('b', 200));
        }

        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task CookieJarPastTheLimit_Is431()
    {
        var (status, response) = await site.SendRawAsync("/", "Cookie: " + string.Join("; ", Enumerable.Range(0, 2_000).Select(i => $"c{i}=xxxxxxxxxxxx")) + "\r\n");
        Assert.True(status == 431, $"An oversized Cookie header answered {status}: {Head(response)}");
    }

    private static string Head(string response) => response.Length > 400 ? response[..400] + "…" : response;
}
