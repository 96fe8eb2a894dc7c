using System.Formats.Tar;
using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Snapshots;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;
using LuceneDirectory = Lucene.Net.Store.Directory;
using NodeProcess = PressReleases.Web.Tests.Following.Node;

namespace PressReleases.Web.Tests.Snapshots;

/// <summary>
/// docs/scaling.md, "A new node": node A serves its index on a real socket; node B, with an empty data directory and
/// <c>PressReleases:Index:SnapshotFrom</c> set to A, copies it, catches up with what the store got after A's commit, and
/// serves every release. A wrong key, a copy that is not an index, an index of another schema and one of another store
/// are each refused,
/// and B builds its index from the store instead.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IndexSnapshotNodeTests : IAsyncLifetime
{
    private const string Key = "a-shared-key-for-the-index-snapshot";

    private static readonly string[] Queries = ["q=government", "q=school+funding", "minister=john-key"];

    private readonly TempDirectory temp = new("snapshot-nodes");
    private PostgreSqlServer server = null!;
    private string connectionString = null!;
    private string releases = null!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.SharedAsync();
        connectionString = await server.CreateDatabaseAsync("snapshot-nodes");
        releases = temp.Sub("releases");
        Folders.Copy(RepoPaths.RequireSeedsFolder(), releases);
    }

    public async Task DisposeAsync()
    {
        await server.DropDatabaseAsync(connectionString);
        temp.Dispose();
    }

    [Fact]
    public async Task NewNode_StartsFromAnotherNodesIndex_AndCatchesUpWithTheStore()
    {
        await using var a = await StartServingAsync();
        using var aClient = SocketClient(a);

        // A release the store gets after A's last commit: A neither listens nor polls within the test, so its
        // snapshot lacks it and only B's catch-up from the store can find it.
        File.WriteAllText(Path.Combine(releases, "after-the-snapshot.md"), """
            ---
            title: "Quokkaborough harbour reopens"
            date: 2026-11-30
            url: "https://www.beehive.govt.nz/release/quokkaborough-harbour-reopens"
            ministers: ["Test Minister"]
            ---
            The harbour at Quokkaborough reopens.
            """);
        await IngestIntoTheStoreAsync();
        Assert.Equal(0, await TotalAsync(aClient, "q=quokkaborough"));

        await using var b = Joining(a, Key);
        using var bClient = b.CreateTestClient();
        await b.WaitForReleasesAsync(bClient, SeedCorpus.ExpectedReleases + 1);

        Assert.Contains(b.Logs.Entries, e => e.Contains("Copied the search index from", StringComparison.Ordinal));
        Assert.Contains(b.Logs.Entries, e => e.Contains("Search index ready (rebuilt: False, indexed 1,", StringComparison.Ordinal));
        Assert.Equal(1, await TotalAsync(bClient, "q=quokkaborough"));
        foreach (var query in Queries)
        {
            var onA = await SlugsAsync(aClient, query);
            Assert.NotEmpty(onA);
            Assert.Equal(onA, await SlugsAsync(bClient, query));
        }

        Assert.Empty(System.IO.Directory.GetDirectories(b.DataDirectory, "index.snapshot-*"));
    }

    /// <summary>
    /// A real peer names its store in a header, so B refuses before copying anything; a peer that sends no such header
    /// (an older build; here a fake peer serving A's very bytes) is refused by the copy's own commit.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SnapshotOfAnotherStore_IsRefused_AndTheNewNodeBuildsFromItsOwn(bool peerNamesItsStore)
    {
        await using var a = await StartServingAsync();
        await using var headerless = peerNamesItsStore ? null : await FakePeer.StartAsync(await DownloadAsync(a));

        // B's store is another database: the same seeds and one release more, so it is ahead of A's snapshot and, had
        // B taken the snapshot and caught up, its index would even hold as many releases as its store. Only the identity differs.
        var otherStore = await server.CreateDatabaseAsync("snapshot-other-store");
        try
        {
            var otherReleases = temp.Sub("other-releases");
            Folders.Copy(RepoPaths.RequireSeedsFolder(), otherReleases);
            File.WriteAllText(Path.Combine(otherReleases, "only-in-the-other-store.md"), """
                ---
                title: "Wallabyvale bridge opens"
                date: 2026-11-30
                url: "https://www.beehive.govt.nz/release/wallabyvale-bridge-opens"
                ministers: ["Test Minister"]
                ---
                The bridge at Wallabyvale opens.
                """);
            await IngestIntoTheStoreAsync(otherReleases, otherStore);

            await using var b = Joining(headerless?.Address ?? a.ClientOptions.BaseAddress, Key, otherStore);
            using var bClient = b.CreateTestClient();
            await b.WaitForReleasesAsync(bClient, SeedCorpus.ExpectedReleases + 1);

            var refusal = Assert.Single(b.Logs.Entries, e => e.Contains("it was built from another store", StringComparison.Ordinal));
            Assert.Contains("building the index from the store instead", refusal, StringComparison.Ordinal);
            Assert.Equal(peerNamesItsStore, refusal.Contains("refused from its headers, nothing copied", StringComparison.Ordinal));
            Assert.Contains(b.Logs.Entries, e => e.Contains("Search index ready (rebuilt: True", StringComparison.Ordinal));
            Assert.Equal(1, await TotalAsync(bClient, "q=wallabyvale"));
        }
        finally
        {
            await server.DropDatabaseAsync(otherStore);
        }
    }

    /// <summary>
    /// Requests reach a new node while it copies the snapshot: those that may search must not open the index (its
    /// folder is about to be replaced, under the index's lock). The peer here holds its answer until they are answered.
    /// </summary>
    [Fact]
    public async Task RequestsWhileTheSnapshotIsCopied_AreAnsweredAsStarting_AndTheCopyIsStillInstalled()
    {
        byte[] snapshot;
        await using (var a = await StartServingAsync())
        {
            snapshot = await DownloadAsync(a);
        }

        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = await FakePeer.StartAsync(snapshot, answer.Task);
        await using var b = Joining(peer.Address, Key);
        using var bClient = b.CreateTestClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!b.Logs.Entries.Any(e => e.Contains("Copying the search index from", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"B never began to copy. Server log:\n{b.Logs}");
            await Task.Delay(20);
        }

        // A search through the API, a results page and a release page: each is served by a service that searches.
        foreach (var path in new[] { "/api/releases?q=government", "/releases?q=government", "/releases/a-slug" })
        {
            using var response = await bClient.GetAsync(path);
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound,
                $"{path} answered {(int)response.StatusCode} while B copied the snapshot. Server log:\n{b.Logs}");
        }

        answer.SetResult();
        await b.WaitForReleasesAsync(bClient, SeedCorpus.ExpectedReleases);

        Assert.Contains(b.Logs.Entries, e => e.Contains("Copied the search index from", StringComparison.Ordinal));
        Assert.Contains(b.Logs.Entries, e => e.Contains("Search index ready (rebuilt: False", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongKey_IsRefused_AndTheNewNodeBuildsFromTheStore()
    {
        await using var a = await StartServingAsync();
        using var aClient = SocketClient(a);
        Assert.Equal(HttpStatusCode.Unauthorized, (await aClient.GetAsync(IndexSnapshotEndpoint.Path)).StatusCode);

        await using var b = Joining(a, "not-the-key-the-other-node-has");
        using var bClient = b.CreateTestClient();
        await b.WaitForReleasesAsync(bClient, SeedCorpus.ExpectedReleases);

        Assert.Contains(b.Logs.Entries, e => e.Contains("cannot be used: it answered 401", StringComparison.Ordinal));
        Assert.Contains(b.Logs.Entries, e => e.Contains("Search index ready (rebuilt: True", StringComparison.Ordinal));
        Assert.Equal(await SlugsAsync(aClient, Queries[0]), await SlugsAsync(bClient, Queries[0]));
    }

    [Fact]
    public async Task ReindexFrom_CopiesAnotherNodesIndex_OrRebuildsWhenItCannot()
    {
        await using var a = await StartServingAsync();
        var data = temp.Sub("reindexed");

        var copied = await ReindexFromAsync(a.ClientOptions.BaseAddress, Key, data);
        var refused = await ReindexFromAsync(a.ClientOptions.BaseAddress, "not-the-key-the-other-node-has", data);

        Assert.True(copied.ExitCode == 0, copied.Output);
        Assert.Contains("Copied; caught up 0 changes from the store", copied.Output, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 0, refused.Output);
        Assert.Contains("cannot be used: it answered 401", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"Indexed {SeedCorpus.ExpectedReleases} releases", refused.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("another schema", "is not an index of schema version")]
    [InlineData("not a tar", "cannot be used")]
    [InlineData("cut short", "cannot be used")]
    public async Task UnusableSnapshot_IsRefused_AndTheNewNodeBuildsFromTheStore(string served, string logged)
    {
        byte[] tar;
        await using (var a = await StartServingAsync())
        {
            tar = await MakeAsync(served, await DownloadAsync(a));
        }

        await using var peer = await FakePeer.StartAsync(tar);
        await using var b = Joining(peer.Address, Key);
        using var bClient = b.CreateTestClient();
        await b.WaitForReleasesAsync(bClient, SeedCorpus.ExpectedReleases);

        Assert.Contains(b.Logs.Entries, e => e.Contains(logged, StringComparison.Ordinal) && e.Contains("building the index from the store instead", StringComparison.Ordinal));
        Assert.Contains(b.Logs.Entries, e => e.Contains("Search index ready (rebuilt: True", StringComparison.Ordinal));
        Assert.Empty(System.IO.Directory.GetDirectories(b.DataDirectory, "index.snapshot-*"));
    }

    /// <summary>Node A on a real socket: ingests the releases at start, serves snapshots, does not follow the store within a test.</summary>
    private async Task<PressReleasesFactory> StartServingAsync()
    {
        var a = Node(releases, temp.Sub("a-" + Guid.NewGuid().ToString("N")), ingestOnStartup: true);
        a.Settings["PressReleases:Index:SnapshotKey"] = Key;
        a.Settings["PressReleases:Store:ListenForChanges"] = "false";
        a.Settings["PressReleases:Store:PollSeconds"] = "60";
        a.UseKestrel(0);
        a.StartServer();
        using var client = SocketClient(a);
        await a.WaitForReleasesAsync(client, SeedCorpus.ExpectedReleases);
        return a;
    }

    private PressReleasesFactory Joining(PressReleasesFactory peer, string key) => Joining(peer.ClientOptions.BaseAddress, key);

    private PressReleasesFactory Joining(Uri peer, string key, string? store = null)
    {
        var b = Node(temp.Sub("no-source"), temp.Sub("b-" + Guid.NewGuid().ToString("N")), ingestOnStartup: false, store);
        b.Settings["PressReleases:Index:SnapshotFrom"] = peer.ToString();
        b.Settings["PressReleases:Index:SnapshotKey"] = key;
        b.Logs.Minimum = LogLevel.Information;
        return b;
    }

    private PressReleasesFactory Node(string source, string data, bool ingestOnStartup, string? store = null)
    {
        var factory = new PressReleasesFactory(source, data, ingestOnStartup);
        factory.Settings["PressReleases:Store:Provider"] = "PostgreSql";
        factory.Settings["PressReleases:Store:ConnectionString"] = store ?? connectionString;
        return factory;
    }

    private async Task IngestIntoTheStoreAsync(string? folder = null, string? store = null)
    {
        using var ingester = ChildApp.Start(temp.Sub("ingester"), temp.Path, NodeProcess.StoreSettings(store ?? connectionString), "ingest", folder ?? releases);
        var exitCode = await ingester.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"ingest exited with {exitCode}:\n{ingester.Output}");
    }

    private async Task<(int ExitCode, string Output)> ReindexFromAsync(Uri peer, string key, string data)
    {
        var settings = NodeProcess.StoreSettings(connectionString);
        settings["PressReleases__Index__SnapshotKey"] = key;
        using var reindex = ChildApp.Start(data, temp.Path, settings, "reindex", "--from", peer.ToString());
        var exitCode = await reindex.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exitCode, reindex.Output);
    }

    private static async Task<byte[]> DownloadAsync(PressReleasesFactory a)
    {
        using var client = SocketClient(a);
        client.DefaultRequestHeaders.Add(IndexSnapshotEndpoint.KeyHeader, Key);
        using var response = await client.GetAsync(IndexSnapshotEndpoint.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>What the fake peer serves: the real snapshot made unusable in the way named.</summary>
    private async Task<byte[]> MakeAsync(string served, byte[] snapshot)
    {
        switch (served)
        {
            case "not a tar":
                return "<html>a proxy's error page</html>"u8.ToArray();
            case "cut short":
                return snapshot[..(snapshot.Length / 2)];
        }

        // The same index, committed again with another schema version in its commit data.
        var folder = temp.Sub("other-schema-" + Guid.NewGuid().ToString("N"));
        await IndexSnapshotFolder.ExtractAsync(new MemoryStream(snapshot), folder, CancellationToken.None);
        var contents = IndexSnapshotFolder.Validate(folder, snapshot.Length);
        using (LuceneDirectory directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, new ReleaseAnalyzer()) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["schemaVersion"] = (SearchIndex.SchemaVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["changeSeq"] = contents.ChangeSeq.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            writer.Commit();
        }

        File.Delete(Path.Combine(folder, "write.lock"));
        Assert.Throws<IndexSnapshotException>(() => IndexSnapshotFolder.Validate(folder, 0));
        using var tar = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(folder, tar, includeBaseDirectory: false);
        return tar.ToArray();
    }

    /// <summary>A client of a site on a real socket (the factory's own address, which a client with options of its own lacks).</summary>
    private static HttpClient SocketClient(PressReleasesFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = site.ClientOptions.BaseAddress });

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync($"/api/releases?pageSize=1&{query}")).Root.GetProperty("total").GetInt32();

    private static async Task<List<string>> SlugsAsync(HttpClient client, string query) =>
        (await client.GetAllReleasesAsync(query)).Select(r => r.Slug).Order(StringComparer.Ordinal).ToList();

    /// <summary>A peer on a real socket that answers every snapshot request with the same bytes.</summary>
    private sealed class FakePeer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private FakePeer(WebApplication app, Uri address)
        {
            this.app = app;
            Address = address;
        }

        public Uri Address { get; }

        /// <summary>Serves <paramref name="body"/>, each answer once <paramref name="answerWhen"/> (if given) has completed.</summary>
        public static async Task<FakePeer> StartAsync(byte[] body, Task? answerWhen = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet(IndexSnapshotEndpoint.Path, async () =>
            {
                await (answerWhen ?? Task.CompletedTask);
                return Results.Bytes(body, "application/x-tar");
            });
            await app.StartAsync();
            return new FakePeer(app, new Uri(app.Urls.First()));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
