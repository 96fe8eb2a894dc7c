using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>The security headers on every kind of response, and no Server header on a real socket.</summary>
public sealed class SecurityHeadersTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReleasePlaceholder = "{release}";

    public static TheoryData<string, int> Urls => new()
    {
        { "/", 200 },
        { "/releases?q=japan", 200 },
        { ReleasePlaceholder, 200 },
        { "/api/releases", 200 },
        { "/api/releases/no-such", 404 },
        { "/css/site.css", 200 },
        { "/feeds/releases.atom", 200 },
        { "/healthz", 200 },
        { "/releases/no-such", 404 },
        { "/sitemap.xml", 200 },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Response_CarriesEverySecurityHeader(string url, int expectedStatus)
    {
        if (url == ReleasePlaceholder)
        {
            url = await AnyReleaseUrlAsync(site.Client);
        }

        using var response = await site.Client.GetAsync(url);
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url} answered {(int)response.StatusCode}, expected {expectedStatus}.");
        AssertSecurityHeaders(response, url);
    }

    [Fact]
    public async Task Redirect_CarriesEverySecurityHeader()
    {
        // The filter form's empty "Add minister" / "Add portfolio" boxes redirect to the canonical listing URL.
        const string url = "/releases?q=japan&addMinister=&addPortfolio=";
        using var response = await site.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"GET {url} answered {(int)response.StatusCode}, expected a redirect.");
        AssertSecurityHeaders(response, url);
    }

    [Fact]
    public async Task RealSocket_AnswersWithoutAServerHeader()
    {
        // The in-memory TestServer never adds a Server header; only Kestrel does, so start the site on a real port.
        using var temp = new TempDirectory("security-headers");
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        foreach (var url in new[] { "/", "/css/site.css", "/api/releases/no-such", "/no-such-page" })
        {
            using var response = await client.GetAsync(url);
            Assert.False(response.Headers.Contains("Server"), $"GET {url} over a socket sent Server: {string.Join(", ", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
            AssertSecurityHeaders(response, url);
        }
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string url)
    {
        Assert.Equal(Csp, Single(response, "Content-Security-Policy", url));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", url));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy", url));
        Assert.Equal("DENY", Single(response, "X-Frame-Options", url));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Single(response, "Permissions-Policy", url));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy", url));

        var csp = Single(response, "Content-Security-Policy", url);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Server"), $"GET {url} sent a Server header.");
    }

    private static string Single(HttpResponseMessage response, string name, string url)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"GET {url} ({(int)response.StatusCode}) has no {name} header.");
        var list = values!.ToList();
        Assert.True(list.Count == 1, $"GET {url} has {list.Count} {name} headers: {string.Join(" | ", list)}");
        return list[0];
    }

    private static async Task<string> AnyReleaseUrlAsync(HttpClient client)
    {
        var body = await client.GetStringAsync("/api/releases?pageSize=1");
        var slug = JsonDocument.Parse(body).RootElement.GetProperty("items")[0].GetProperty("slug").GetString();
        return $"/releases/{slug}";
    }
}
