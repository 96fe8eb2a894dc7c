using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// <c>PressReleases:Metrics:Port</c> and <c>:Enabled</c>, on a real Kestrel server where ports matter: with a port,
/// /metrics answers there only, whatever the Host header says; off, nowhere.
/// </summary>
public sealed class MetricsSettingsTests
{
    [Fact]
    public async Task WithAPort_MetricsAnswerOnThatPortOnly_AndTheSiteOnBothPorts()
    {
        using var temp = new TempDirectory("metrics-port");
        var (sitePort, metricsPort) = (FreePort.Find(), FreePort.Find());
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings["PressReleases:Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, sitePort);
            kestrel.Listen(IPAddress.Loopback, metricsPort);
        });
        factory.StartServer();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // The site's other endpoints answer on both ports; one request gives the request-duration histogram a value.
        using var live = await client.GetAsync($"http://127.0.0.1:{sitePort}/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var liveOnMetricsPort = await client.GetAsync($"http://127.0.0.1:{metricsPort}/healthz/live");
        Assert.Equal(HttpStatusCode.OK, liveOnMetricsPort.StatusCode);

        using var onMetricsPort = await client.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");
        var text = await onMetricsPort.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);

        // From loopback too: with a port set, the port is the rule.
        using var onSitePort = await client.GetAsync($"http://127.0.0.1:{sitePort}/metrics");
        Assert.Equal(HttpStatusCode.NotFound, onSitePort.StatusCode);

        // The Host header is the client's to write; the port the connection arrived on is not.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{sitePort}/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{metricsPort}";
        using var spoofedResponse = await client.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.NotFound, spoofedResponse.StatusCode);

        Assert.DoesNotContain(factory.Logs.Entries, e => e.Contains("Metrics:Port", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APortTheSiteDoesNotListenOn_IsLoggedAsAWarning()
    {
        using var temp = new TempDirectory("metrics-port-unheard");
        var (sitePort, metricsPort) = (FreePort.Find(), FreePort.Find());
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings["PressReleases:Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, sitePort));
        factory.StartServer();

        Assert.Contains(factory.Logs.Entries, e => e.Contains($"PressReleases:Metrics:Port is {metricsPort}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_MetricsAreNotServed_EvenToTheMachineItself()
    {
        using var temp = new TempDirectory("metrics-off");
        var port = FreePort.Find();
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings["PressReleases:Metrics:Enabled"] = "false";
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var live = await client.GetAsync($"http://127.0.0.1:{port}/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>OpenTelemetry picks meters by name from the whole process; each site must still count only its own searches.</summary>
    [Fact]
    public async Task TwoSitesInOneProcess_EachReportsOnlyItsOwnSearches()
    {
        using var temp = new TempDirectory("metrics-two-sites");
        var (portA, portB) = (FreePort.Find(), FreePort.Find());
        await using var siteA = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data-a"), ingestOnStartup: false);
        await using var siteB = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data-b"), ingestOnStartup: false);
        siteA.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, portA));
        siteB.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, portB));
        siteA.StartServer();
        siteB.StartServer();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        for (var i = 0; i < 3; i++)
        {
            using var search = await client.GetAsync($"http://127.0.0.1:{portB}/api/releases?q=housing");
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        var scrapeA = new Scrape(await client.GetStringAsync($"http://127.0.0.1:{portA}/metrics"));
        var scrapeB = new Scrape(await client.GetStringAsync($"http://127.0.0.1:{portB}/metrics"));
        Assert.Null(scrapeA.Value("pressreleases_searches_total", "surface=\"api\""));
        Assert.Equal(3, scrapeB.Value("pressreleases_searches_total", "surface=\"api\""));
    }

    [Theory]
    [InlineData("PressReleases__Metrics__Port", "0", "Port")]
    [InlineData("PressReleases__Metrics__Port", "70000", "Port")]
    [InlineData("PressReleases__Metrics__Enabled", "sometimes", "PressReleases:Metrics:Enabled")]
    public async Task ABadSetting_StopsTheSite_NamingIt(string key, string value, string named)
    {
        using var temp = new TempDirectory("metrics-bad-setting");
        var run = await SiteStart.RunUntilExitAsync(temp, new Dictionary<string, string> { [key] = value });
        SiteStart.AssertStoppedForSetting(run, named);
    }
}
