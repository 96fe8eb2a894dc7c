using System.Net;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// Without <c>PressReleases:PublicBaseUrl</c>, absolute addresses use the request's own Host, and only a host in
/// <c>AllowedHosts</c> gets that far; X-Forwarded-Host is never read, even from a trusted proxy.
/// </summary>
public sealed class AllowedHostsTests : IAsyncLifetime
{
    private const string SiteHost = "press.example.org";

    private readonly AddressedSite site = new("allowed-hosts", new Dictionary<string, string> { ["AllowedHosts"] = SiteHost });

    private HttpClient Client => site.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/releases")]
    [InlineData("/robots.txt")]
    [InlineData("/api/releases")]
    public async Task AHostNotAllowed_IsRefusedWith400(string path)
    {
        using var response = await SendAsync(path, host: "forged.example.net");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("forged.example.net", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowedHost_NamesTheSite_AndAForwardedHostIsNotRead()
    {
        using var response = await SendAsync("/releases", host: SiteHost, forwardedHost: "forged.example.net");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"https://{SiteHost}/releases", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task RobotsTxt_PointsAtTheSitemapOnTheAllowedHost()
    {
        using var response = await SendAsync("/robots.txt", host: SiteHost, forwardedHost: "forged.example.net");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Sitemap: https://{SiteHost}/sitemap.xml", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A request as a trusted proxy on loopback would pass it on, for a client that reached it over https.</summary>
    private async Task<HttpResponseMessage> SendAsync(string path, string host, string? forwardedHost = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ClientAddressFromHeader.Header, "127.0.0.1");
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }

        return await Client.SendAsync(request);
    }

    public async Task DisposeAsync() => await site.DisposeAsync();
}
