using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Following;

/// <summary>
/// A node on a PostgreSQL store whose server goes down and comes back: the node keeps serving searches, listings
/// and release pages from its own index, says "degraded" on /healthz, and returns to "ready" by itself, then
/// follows changes made after the server's return.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory temp = new("outage");
    private PostgreSqlServer server = null!;
    private string connectionString = null!;
    private PressReleasesFactory site = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.StartAsync("node-outage");
        connectionString = await server.CreateDatabaseAsync();
        site = new PressReleasesFactory(RepoPaths.RequireSeedsFolder(), temp.Sub("node"));
        site.Settings["PressReleases:Store:Provider"] = "PostgreSql";
        site.Settings["PressReleases:Store:ConnectionString"] = connectionString;
        site.Settings["PressReleases:Store:PollSeconds"] = "0.2";
        client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, SeedCorpus.ExpectedReleases);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await site.DisposeAsync();
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task WhileTheDatabaseIsDown_TheNodeServesFromItsIndex_AndRecoversByItself()
    {
        var release = SeedCorpus.Accepted.First(f => f.Title.Length > 10 && f.Attachments.Count > 0);
        var slug = (await client.GetReleaseAsync(release.UrlSegment)).Slug;
        var searchedWord = release.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var totalBefore = (await client.GetReleaseListAsync($"q={Http.Escape(searchedWord)}")).Total;
        Assert.True(totalBefore > 0);

        await server.StopAsync();

        var degraded = await WaitForHealthAsync("degraded");
        Assert.False(degraded.Root.GetProperty("store").GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(degraded.Root.GetProperty("store").GetProperty("error").GetString()));
        Assert.Equal(SeedCorpus.ExpectedReleases, degraded.Root.GetProperty("releases").GetProperty("indexed").GetInt32());

        // Searching, listing and browsing by name need only the index and the last lists read.
        Assert.Equal(totalBefore, (await client.GetReleaseListAsync($"q={Http.Escape(searchedWord)}")).Total);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/releases?q=" + Http.Escape(searchedWord))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ministers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feeds/releases.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/releases.csv?q=" + Http.Escape(searchedWord))).StatusCode);
        using (var sitemap = await client.GetAsync("/sitemaps/releases-1.xml"))
        {
            // Read from the store: a crawler is asked to come back rather than shown an error.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, sitemap.StatusCode);
            Assert.NotNull(sitemap.Headers.RetryAfter);
        }

        // The release page and API come from the index, and say so.
        var page = await client.GetHtmlAsync($"/releases/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The database is out of reach just now", page.Html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(release.Title), page.Html, StringComparison.Ordinal);
        var api = await client.GetJsonAsync($"/api/releases/{slug}");
        Assert.Equal(HttpStatusCode.OK, api.Status);
        Assert.True(api.Root.GetProperty("fromSearchIndex").GetBoolean());
        Assert.Equal(0, api.Root.GetProperty("attachments").GetArrayLength());

        await server.StartAgainAsync();

        var ready = await WaitForHealthAsync("ready");
        Assert.True(ready.Root.GetProperty("store").GetProperty("reachable").GetBoolean());
        var back = await client.GetJsonAsync($"/api/releases/{slug}");
        Assert.False(back.Root.GetProperty("fromSearchIndex").GetBoolean());
        Assert.Equal(release.Attachments.Count, back.Root.GetProperty("attachments").GetArrayLength());

        // Following resumed: a release another process adds to the store becomes searchable here.
        var source = temp.Sub("more");
        await File.WriteAllTextAsync(Path.Combine(source, "after-outage.md"), """
            ---
            title: "Zanzibarian outage drill completed"
            date: 2026-11-30
            url: "https://www.beehive.govt.nz/release/zanzibarian-outage-drill"
            ministers: ["Test Minister"]
            portfolios: ["Testing"]
            ---
            The drill ended well.
            """);
        await StoreOnlyIngester().IngestAsync(source);
        await WaitUntilAsync(async () => (await client.GetReleaseListAsync("q=zanzibarian")).Total == 1, "the release added after the outage to be searchable");
    }

    private Ingester StoreOnlyIngester()
    {
        var factory = new StoreContextFactory(StoreLocation.PostgreSql(connectionString));
        return new Ingester(factory, null, new ReleaseFileParser(new MarkdownRenderer()), new ReleaseCatalog(factory), TimeProvider.System, NullLogger<Ingester>.Instance);
    }

    private async Task<JsonResponse> WaitForHealthAsync(string status)
    {
        JsonResponse? last = null;
        await WaitUntilAsync(
            async () =>
            {
                last = await client.GetJsonAsync("/healthz");
                return last.Status == HttpStatusCode.OK && last.Root.GetProperty("status").GetString() == status;
            },
            $"/healthz to say {status}");
        return last!;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Waited {Deadline.TotalSeconds:0} s for {what}. Server log:\n{site.Logs}");
    }
}
