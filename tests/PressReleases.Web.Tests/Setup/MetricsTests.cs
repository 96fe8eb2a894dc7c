using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// /metrics over HTTP: Prometheus text with ASP.NET Core's, the runtime's and the site's own instruments, moving as
/// the site is used; served to the machine itself only (docs/observability.md).
/// </summary>
public sealed class MetricsTests(MetricsFixture site) : IClassFixture<MetricsFixture>
{
    private const string Searches = "pressreleases_searches_total";
    private const string ZeroResults = "pressreleases_searches_zero_results_total";
    private const string Duration = "pressreleases_search_duration_seconds";
    private const string Suggestions = "pressreleases_suggestions_used_total";

    [Fact]
    public async Task Scrape_FromLoopback_IsPrometheusText_WithTheFrameworksAndTheSitesInstruments()
    {
        using var response = await site.GetMetricsAsync();
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_gc_", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE pressreleases_index_lag gauge", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Scrape_FromAnyLoopbackAddress_IsServed(string address)
    {
        using var response = await site.GetMetricsAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("192.0.2.7")]
    [InlineData("2001:db8::7")]
    [InlineData("::ffff:192.0.2.7")]
    public async Task Scrape_FromAnotherMachine_Is404_WithNoMetricsInIt(string address)
    {
        using var response = await site.GetMetricsAsync(address);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("pressreleases_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchesWithWords_AreCountedAndTimed_BySurface_AndListingsWithoutWordsAreNot()
    {
        var before = await site.ScrapeAsync();

        (await site.Client.GetAsync("/api/releases?q=housing")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/releases?q=housing")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/releases?q=housing&page=2")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/feeds/releases.atom?q=housing")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/api/releases")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/releases")).EnsureSuccessStatusCode();

        var after = await site.ScrapeAsync();
        Assert.Equal(1, Delta(before, after, Searches, "surface=\"api\""));
        Assert.Equal(2, Delta(before, after, Searches, "surface=\"page\""));
        Assert.Equal(1, Delta(before, after, Searches, "surface=\"feed\""));
        Assert.Equal(2, Delta(before, after, Duration + "_count", "surface=\"page\""));

        // Explicit buckets for searches of milliseconds, cumulative up to +Inf, which holds every search.
        foreach (var bound in new[] { "0.001", "0.005", "0.01", "0.1", "1", "+Inf" })
        {
            Assert.NotNull(after.Value(Duration + "_bucket", "surface=\"page\"", $"le=\"{bound}\""));
        }

        Assert.Equal(after.Value(Duration + "_count", "surface=\"page\""), after.Value(Duration + "_bucket", "surface=\"page\"", "le=\"+Inf\""));
        Assert.InRange(after.Value(Duration + "_sum", "surface=\"page\"")!.Value, 1e-6, 60);
    }

    [Fact]
    public async Task ASearchThatFindsNothing_IsCountedAsZeroResults()
    {
        var before = await site.ScrapeAsync();

        var found = await site.Client.GetReleaseListAsync("q=housing");
        var nothing = await site.Client.GetReleaseListAsync("q=qqxzvbnw");

        var after = await site.ScrapeAsync();
        Assert.True(found.Total > 0);
        Assert.Equal(0, nothing.Total);
        Assert.Equal(2, Delta(before, after, Searches, "surface=\"api\""));
        Assert.Equal(1, Delta(before, after, ZeroResults, "surface=\"api\""));
    }

    [Fact]
    public async Task DidYouMean_IsCountedWhenShown_AndWhenItsLinkIsFollowed()
    {
        const string Misspelled = "goverment";
        var api = await site.Client.GetReleaseListAsync($"q={Misspelled}");
        Assert.False(string.IsNullOrEmpty(api.DidYouMean), $"The seeds offer no correction for '{Misspelled}'.");
        var before = await site.ScrapeAsync();

        var page = ListingPage.Parse(await site.Client.GetPageAsync($"/releases?q={Misspelled}"));
        var link = page.Document.QuerySelector(".did-you-mean a")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.Equal("1", ListingPage.QueryValues(link, "suggested").ToString());
        var followed = ListingPage.Parse(await site.Client.GetPageAsync(link));

        var after = await site.ScrapeAsync();
        Assert.True(followed.Count > 0);
        Assert.Equal(1, Delta(before, after, Suggestions, "action=\"shown\"", "surface=\"page\""));
        Assert.Equal(1, Delta(before, after, Suggestions, "action=\"followed\""));
        Assert.Equal(2, Delta(before, after, Searches, "surface=\"page\""));

        // The marker is the link's alone: links on the page it leads to do not carry it on.
        Assert.DoesNotContain(followed.Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("suggested=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexLag_IsZero_OnceTheIndexHasCaughtUpWithTheStore()
    {
        var scrape = await WaitForAsync(s => s.Value("pressreleases_index_lag") is not null, "the index lag gauge");
        Assert.Equal(0, scrape.Value("pressreleases_index_lag"));
    }

    [Fact]
    public async Task IngestGauges_AreTheStoresLatestCompletedRun_TheSeedIngest()
    {
        var scrape = await WaitForAsync(s => s.Value("pressreleases_ingest_last_completed_seconds") is not null, "the last ingest gauges");

        await using var db = await site.Site.Services.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>().CreateDbContextAsync();
        var run = await db.IngestRuns.AsNoTracking().SingleAsync();
        Assert.Equal(IngestRunStatus.Completed, run.Status);
        Assert.Equal(run.FinishedAt!.Value.ToUnixTimeMilliseconds() / 1000.0, scrape.Value("pressreleases_ingest_last_completed_seconds")!.Value, 3);
        Assert.Equal(run.Added, Files(scrape, "added"));
        Assert.Equal(run.Updated, Files(scrape, "updated"));
        Assert.Equal(run.Unchanged, Files(scrape, "unchanged"));
        Assert.Equal(run.Removed, Files(scrape, "removed"));
        Assert.Equal(run.Rejected, Files(scrape, "rejected"));

        // What the seeds give, worked out from their files rather than from the store.
        Assert.Equal(SeedCorpus.ExpectedReleases, Files(scrape, "added"));
        Assert.Equal(SeedCorpus.Files.Count - SeedCorpus.ExpectedReleases, Files(scrape, "rejected"));
    }

    [Fact]
    public void Endpoint_SkipsTheRequestQueue()
    {
        var endpoint = site.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/metrics");

        Assert.NotNull(endpoint.Metadata.GetMetadata<BypassRequestQueueMetadata>());
    }

    [Fact]
    public async Task Endpoint_AnswersGetAndHeadOnly()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/metrics");
        post.Headers.Add(MetricsFixture.ClientAddressHeader, "127.0.0.1");
        using var head = new HttpRequestMessage(HttpMethod.Head, "/metrics");
        head.Headers.Add(MetricsFixture.ClientAddressHeader, "127.0.0.1");

        using var posted = await site.Client.SendAsync(post);
        using var headed = await site.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headed.StatusCode);
    }

    [Fact]
    public async Task Endpoint_IsNotInTheApiDescription()
    {
        var description = await site.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/releases", description, StringComparison.Ordinal);
        Assert.DoesNotContain("/metrics", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRequest_IsLoggedOnce_WithMethodPathStatusAndMilliseconds_ButNotItsWordsNorTheProbes()
    {
        var earlier = site.Logs.Lines.Count;
        (await site.Client.GetAsync("/releases?q=whakatauki")).EnsureSuccessStatusCode();
        (await site.Client.GetAsync("/no-such-page-for-the-log")).Dispose();
        (await site.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();

        var lines = await WaitForLogAsync(l => l.Contains("/no-such-page-for-the-log", StringComparison.Ordinal));
        var requests = lines.Skip(earlier).Where(l => l.StartsWith(RequestLog.Category + ": ", StringComparison.Ordinal)).ToList();
        Assert.Single(requests, l => System.Text.RegularExpressions.Regex.IsMatch(l, @": GET /releases 200 \d+\.\d ms$"));
        Assert.Single(requests, l => System.Text.RegularExpressions.Regex.IsMatch(l, @": GET /no-such-page-for-the-log 404 \d+\.\d ms$"));
        Assert.DoesNotContain(requests, l => l.Contains("whakatauki", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, l => l.Contains("/healthz", StringComparison.Ordinal));
    }

    private static double Delta(Scrape before, Scrape after, string name, params string[] labels) =>
        after.ValueOrZero(name, labels) - before.ValueOrZero(name, labels);

    private static double? Files(Scrape scrape, string outcome) => scrape.Value("pressreleases_ingest_last_files", $"outcome=\"{outcome}\"");

    /// <summary>The follower reads the store a moment after the site is ready; its gauges appear with its first look.</summary>
    private async Task<Scrape> WaitForAsync(Func<Scrape, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var scrape = await site.ScrapeAsync();
            if (ready(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {what} within 30 s. Scrape:\n{scrape}");
            await Task.Delay(100);
        }
    }

    /// <summary>A line is written once its response is complete, which may be just after the client has it.</summary>
    private async Task<IReadOnlyList<string>> WaitForLogAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!site.Logs.Lines.Any(match))
        {
            Assert.True(DateTime.UtcNow < deadline, "The request was not logged. Log:\n" + string.Join("\n", site.Logs.Lines.TakeLast(30)));
            await Task.Delay(50);
        }

        return site.Logs.Lines.ToList();
    }
}
