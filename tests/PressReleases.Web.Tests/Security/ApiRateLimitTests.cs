using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressReleases.Web.Setup;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>The configurable per-client limit on /api/*: 429 with a problem and Retry-After past it; off at 0; pages never limited.</summary>
public sealed class ApiRateLimitTests
{
    private const string PermitLimit = "PressReleases:ApiRateLimit:PermitLimit";
    private const string WindowSeconds = "PressReleases:ApiRateLimit:WindowSeconds";

    [Fact]
    public async Task PastTheLimit_TheApiAnswers429_WithAProblemAndRetryAfter()
    {
        using var temp = new TempDirectory("rate-limit");
        await using var factory = Site(temp, permitLimit: "3", windowSeconds: "600");
        using var client = factory.CreateTestClient();

        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await client.GetAsync("/api/releases");
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"Request {i} of 3 answered {(int)allowed.StatusCode}.");
        }

        using var refused = await client.GetAsync("/api/releases");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("3 API requests every 600 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        SecurityHeadersTests.AssertSecurityHeaders(refused, "/api/releases (429)");
    }

    [Fact]
    public async Task Limit_CoversEveryApiRoute_AndTheExportsTogether()
    {
        using var temp = new TempDirectory("rate-limit-routes");
        await using var factory = Site(temp, permitLimit: "2", windowSeconds: "600");
        using var client = factory.CreateTestClient();

        using (var first = await client.GetAsync("/api/releases"))
        using (var second = await client.GetAsync("/api/releases/no-such-release"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        }

        foreach (var url in new[] { "/api/releases.csv", "/api/releases.ndjson", "/api/releases/any", "/API/Releases", "/api/no-such-route" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"GET {url} after the limit answered {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task PagesFeedsAndHealth_AreNeverLimited()
    {
        using var temp = new TempDirectory("rate-limit-pages");
        await using var factory = Site(temp, permitLimit: "1", windowSeconds: "600");
        using var client = factory.CreateTestClient();
        using (var used = await client.GetAsync("/api/releases"))
        using (var refused = await client.GetAsync("/api/releases"))
        {
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            foreach (var url in new[] { "/", "/releases?q=japan", "/ministers", "/feeds/releases.atom", "/healthz", "/css/site.css", "/openapi/v1.json" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} (round {i + 1}) answered {(int)response.StatusCode} while the API was limited.");
            }
        }
    }

    [Fact]
    public async Task PermitLimitOfZero_TurnsTheLimitOff()
    {
        using var temp = new TempDirectory("rate-limit-off");
        await using var factory = Site(temp, permitLimit: "0", windowSeconds: "600");
        using var client = factory.CreateTestClient();
        for (var i = 1; i <= 30; i++)
        {
            using var response = await client.GetAsync("/api/releases?pageSize=1");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Request {i} answered {(int)response.StatusCode} with the limit off.");
        }
    }

    [Fact]
    public async Task Clients_AreKeyedByIPv4Address_AndByIPv6Slash64()
    {
        using var temp = new TempDirectory("rate-limit-clients");
        await using var factory = Site(temp, permitLimit: "2", windowSeconds: "600");
        await using var site = ClientAddressFromHeader.In(factory);
        using var client = site.CreateClient();

        // Two addresses of one /64 share its limit: the second address's first request is the /64's third.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "2001:db8:1:2::10"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "2001:db8:1:2::10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusFromAsync(client, "2001:db8:1:2:ffff:ffff:ffff:1"));

        // The next /64 is another client.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "2001:db8:1:3::10"));

        // IPv4 addresses are clients each, also when they arrive IPv4-mapped.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "::ffff:192.0.2.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusFromAsync(client, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(client, "192.0.2.2"));
    }

    [Theory]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd:12::/64")]
    [InlineData("2001:db8:abcd:12::", "2001:db8:abcd:12::/64")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::1", "::/64")]
    public void ClientKey_IsTheIPv4Address_OrTheIPv6Slash64(string address, string key)
    {
        Assert.Equal(key, ApiRateLimiting.ClientKeyOf(IPAddress.Parse(address)));
    }

    private static async Task<HttpStatusCode> StatusFromAsync(HttpClient client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/releases");
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public void ShippedDefaults_Are600RequestsAMinute()
    {
        using var temp = new TempDirectory("rate-limit-defaults");
        using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings.Remove(PermitLimit);
        var options = factory.Services.GetRequiredService<IOptions<PressReleases.Web.Setup.ApiRateLimitOptions>>().Value;
        Assert.Equal(600, options.PermitLimit);
        Assert.Equal(60, options.WindowSeconds);
    }

    [Theory]
    [InlineData("-1", "60", "PermitLimit")]
    [InlineData("10", "0", "WindowSeconds")]
    [InlineData("lots", "60", "PermitLimit")]
    public async Task BadSetting_StopsTheSiteAtStart_InOneLineNamingIt(string permitLimit, string windowSeconds, string named)
    {
        using var temp = new TempDirectory("rate-limit-invalid");
        var run = await SiteStart.RunUntilExitAsync(temp, new Dictionary<string, string>
        {
            ["PressReleases__ApiRateLimit__PermitLimit"] = permitLimit,
            ["PressReleases__ApiRateLimit__WindowSeconds"] = windowSeconds,
        });

        SiteStart.AssertStoppedForSetting(run, named);
    }

    private static PressReleasesFactory Site(TempDirectory temp, string permitLimit, string windowSeconds)
    {
        var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings[PermitLimit] = permitLimit;
        factory.Settings[WindowSeconds] = windowSeconds;
        return factory;
    }
}
