using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Search.Indexing;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Following;

/// <summary>
/// A node on a PostgreSQL store that starts with no index, or finds its index damaged, builds it from the store
/// while /healthz answers 503 "starting" (release pages answer from the store meanwhile), then serves the same
/// answers as a node that was there all along. The build is held at its start, so the test sees the node during
/// it however fast the machine.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class NewNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan GateWait = TimeSpan.FromSeconds(60);

    private static readonly string[] Queries = ["q=government", "q=school+funding", "q=geothermal", "minister=john-key"];

    private readonly TempDirectory temp = new("new-node");
    private PostgreSqlServer server = null!;
    private string connectionString = null!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.SharedAsync();
        connectionString = await server.CreateDatabaseAsync("new-node");
    }

    public async Task DisposeAsync()
    {
        await server.DropDatabaseAsync(connectionString);
        temp.Dispose();
    }

    [Theory]
    [InlineData("empty data directory")]
    [InlineData(IndexDamage.TruncatedSegment)]
    [InlineData(IndexDamage.DeletedFolder)]
    public async Task Node_BuildsItsIndexFromTheStore_WhileNotReady_ThenServesWhatTheOthersServe(string start)
    {
        // The first node ingests the seeds into the store: its answers are what every node must give.
        var firstData = temp.Sub("first");
        var expected = new List<(string Query, List<string> Slugs)>();
        await using (var first = Node(RepoPaths.RequireSeedsFolder(), firstData, ingestOnStartup: true))
        {
            using var client = first.CreateTestClient();
            await first.WaitForReleasesAsync(client, SeedCorpus.ExpectedReleases);
            foreach (var query in Queries)
            {
                var slugs = await SlugsAsync(client, query);
                Assert.NotEmpty(slugs);
                expected.Add((query, slugs));
            }
        }

        var data = temp.Sub("new");
        if (start != "empty data directory")
        {
            Folders.Copy(firstData, data);
            IndexDamage.Apply(Path.Combine(data, "index"), start);
        }

        var opened = new TaskCompletionSource<(SearchIndex Index, SearchIndex.WriteSession Held)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = Node(temp.Sub("no-source"), data, ingestOnStartup: false);
        await using var node = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(sp => HeldIndex.Open(sp, opened))));
        using var nodeClient = node.CreateClient();

        var healthWhileHeld = await nodeClient.GetAsync("/healthz");
        var (_, held) = await opened.Task.WaitAsync(GateWait);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthWhileHeld.StatusCode);
        var health = await nodeClient.GetJsonAsync("/healthz");
        Assert.True(health.Status == HttpStatusCode.ServiceUnavailable, $"/healthz answered {(int)health.Status} while the index was being built.\n{factory.Logs}");
        Assert.Equal("starting", health.Root.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await nodeClient.GetJsonAsync("/healthz/live")).Status);
        foreach (var file in SeedCorpus.Accepted.Take(3))
        {
            Assert.Equal(file.Url, (await nodeClient.GetReleaseAsync(file.UrlSegment)).Url);
        }

        held.Dispose();
        await factory.WaitForReleasesAsync(nodeClient, SeedCorpus.ExpectedReleases);
        foreach (var (query, slugs) in expected)
        {
            var found = await SlugsAsync(nodeClient, query);
            Assert.True(slugs.SequenceEqual(found), $"{query}: {found.Count} found on the new node, {slugs.Count} on the first.");
        }

        Assert.False(File.Exists(Path.Combine(data, "pressreleases.db")), "a node on PostgreSQL made a SQLite store");
    }

    private PressReleasesFactory Node(string source, string data, bool ingestOnStartup)
    {
        var factory = new PressReleasesFactory(source, data, ingestOnStartup);
        factory.Settings["PressReleases:Store:Provider"] = "PostgreSql";
        factory.Settings["PressReleases:Store:ConnectionString"] = connectionString;
        return factory;
    }

    private static async Task<List<string>> SlugsAsync(HttpClient client, string query) =>
        (await client.GetAllReleasesAsync(query)).Select(r => r.Slug).Order(StringComparer.Ordinal).ToList();
}
