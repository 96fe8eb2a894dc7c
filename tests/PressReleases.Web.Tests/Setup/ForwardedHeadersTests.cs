using System.Net;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// X-Forwarded-Proto and X-Forwarded-For count only from the configured proxies and loopback: the scheme shows
/// in the absolute addresses the site writes, the client address in the per-client API rate limit.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string KnownProxy = "10.0.0.5";
    private const string AddressInKnownNetwork = "10.1.200.3";
    private const string Stranger = "198.51.100.7";

    // One API request per client in the test's time: a second from the same client is refused, which shows which
    // address the site took for the client.
    private readonly AddressedSite site = new("forwarded-headers", new Dictionary<string, string>
    {
        ["PressReleases:Proxy:KnownProxies:0"] = KnownProxy,
        ["PressReleases:Proxy:KnownNetworks:0"] = "10.1.0.0/16",
        ["PressReleases:ApiRateLimit:PermitLimit"] = "1",
        ["PressReleases:ApiRateLimit:WindowSeconds"] = "600",
    });

    private HttpClient Client => site.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(KnownProxy)]
    [InlineData(AddressInKnownNetwork)]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task HttpsFromAKnownProxy_GivesHttpsAddresses(string proxy)
    {
        var canonical = await CanonicalAsync(from: proxy, forwardedProto: "https");

        Assert.Equal("https://localhost/releases", canonical);
    }

    [Fact]
    public async Task HttpsFromAnyOtherAddress_IsIgnored()
    {
        var canonical = await CanonicalAsync(from: Stranger, forwardedProto: "https");

        Assert.Equal("http://localhost/releases", canonical);
    }

    [Fact]
    public async Task ThroughAKnownProxy_EachForwardedClientHasItsOwnLimit()
    {
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(from: KnownProxy, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ApiStatusAsync(from: KnownProxy, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(from: KnownProxy, forwardedFor: "203.0.113.2"));
    }

    [Fact]
    public async Task AClientCannotPlantAnAddress_BeforeTheOneTheProxyAdds()
    {
        // The proxy appends the address it saw; whatever the client wrote before it is not believed.
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(from: KnownProxy, forwardedFor: "192.0.2.50, 203.0.113.20"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ApiStatusAsync(from: KnownProxy, forwardedFor: "192.0.2.51, 203.0.113.20"));
    }

    [Fact]
    public async Task FromAnyOtherAddress_ForwardedForIsIgnored_AndTheConnectionIsTheClient()
    {
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(from: Stranger, forwardedFor: "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ApiStatusAsync(from: Stranger, forwardedFor: "203.0.113.11"));
    }

    [Theory]
    [InlineData("PressReleases__Proxy__KnownProxies__0", "proxy.example.org", "PressReleases:Proxy:KnownProxies:0")]
    [InlineData("PressReleases__Proxy__KnownNetworks__0", "10.0.0.0", "PressReleases:Proxy:KnownNetworks:0")]
    [InlineData("PressReleases__Proxy__KnownNetworks__0", "10.0.0.0/40", "PressReleases:Proxy:KnownNetworks:0")]
    public async Task ABadProxySetting_StopsTheSiteAtStart_InOneLineNamingIt(string variable, string value, string named)
    {
        using var start = new TempDirectory("proxy-invalid");
        var run = await SiteStart.RunUntilExitAsync(start, new Dictionary<string, string> { [variable] = value });

        SiteStart.AssertStoppedForSetting(run, named);
        Assert.Contains(value, run.Output, StringComparison.Ordinal);
    }

    private async Task<string?> CanonicalAsync(string from, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/releases");
        request.Headers.Add(ClientAddressFromHeader.Header, from);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
    }

    private async Task<HttpStatusCode> ApiStatusAsync(string from, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/releases?pageSize=1");
        request.Headers.Add(ClientAddressFromHeader.Header, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    public async Task DisposeAsync() => await site.DisposeAsync();
}
