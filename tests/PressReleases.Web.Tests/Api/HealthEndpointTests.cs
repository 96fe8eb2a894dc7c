using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>/healthz and /healthz/live once the site has started and ingested its source folder.</summary>
public sealed class HealthEndpointTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    [Fact]
    public async Task ReportsReady_WithTheStoreAndTheIndexHoldingEveryRelease()
    {
        var response = await site.Client.GetJsonAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(["releases", "status", "store"], response.Root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ready", response.Root.GetProperty("status").GetString());

        var releases = response.Root.GetProperty("releases");
        Assert.Equal(["indexed", "stored"], releases.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, releases.GetProperty("stored").ValueKind);
        Assert.Equal(NamesFixture.All.Count, releases.GetProperty("stored").GetInt32());
        Assert.Equal(releases.GetProperty("stored").GetInt32(), releases.GetProperty("indexed").GetInt32());
        Assert.Equal(NamesFixture.All.Count, (await site.Client.GetReleaseListAsync()).Total);

        // The embedded store, answering; the index reflects its latest change.
        var store = response.Root.GetProperty("store");
        Assert.Equal(["changeSeq", "indexedChangeSeq", "provider", "reachable"], store.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Sqlite", store.GetProperty("provider").GetString());
        Assert.True(store.GetProperty("reachable").GetBoolean());
        Assert.True(store.GetProperty("indexedChangeSeq").GetInt64() > 0);
    }

    [Fact]
    public async Task Liveness_SaysLive_WithNothingElse()
    {
        var response = await site.Client.GetJsonAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(["status"], response.Root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("live", response.Root.GetProperty("status").GetString());
    }
}
