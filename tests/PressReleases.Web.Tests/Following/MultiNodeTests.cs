using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.Web.Tests.Following;

/// <summary>
/// The deployment of docs/scaling.md on one machine: web nodes in processes of their own, each with its own port
/// and data directory, on one PostgreSQL store that the command-line ingester writes. Additions, an edited file and
/// a removal reach every node without a restart; a node started late builds its index from the store and catches
/// up; a node killed and started again catches up with what it missed. node1 is woken by the store's change
/// notifications, node2 polls only (as behind a pooler that cannot LISTEN). The delays seen are written to the test
/// output; the 2-second bound itself is measured, with its command, in docs/scaling.md.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class MultiNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new("nodes");
    private readonly List<Node> nodes = [];
    private PostgreSqlServer server = null!;
    private string connectionString = null!;
    private string releases = null!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.SharedAsync();
        connectionString = await server.CreateDatabaseAsync("nodes");
        releases = temp.Sub("releases");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.RequireSeedsFolder(), "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Seeds, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(releases, relative))!);
            File.Copy(file, Path.Combine(releases, relative));
        }
    }

    public async Task DisposeAsync()
    {
        nodes.ForEach(node => node.Dispose());
        await server.DropDatabaseAsync(connectionString);
        temp.Dispose();
    }

    [Fact]
    public async Task TwoNodes_FollowTheIngester_ALateNodeCatchesUp_AndAKilledNodeCatchesUpAfterItsRestart()
    {
        var node1 = StartNode("node1");
        var node2 = StartNode("node2", new Dictionary<string, string> { ["PressReleases__Store__ListenForChanges"] = "false" });
        await Task.WhenAll(WaitReadyAsync(node1), WaitReadyAsync(node2));

        // The first ingest, from the command line, into the store alone; the nodes index it themselves.
        await IngestAsync();
        var expected = SeedCorpus.ExpectedReleases;
        await EveryNodeAsync("serves every seed release", async node => (await TotalAsync(node, "")) == expected, node1, node2);

        // An addition, an edited title and a removal.
        var edited = SeedCorpus.Accepted.First(f => f.Title.Length > 10 && File.ReadAllText(f.FullPath).Contains($"title: {Quoted(f.Title)}\n", StringComparison.Ordinal));
        var removed = SeedCorpus.Accepted.First(f => f != edited && f.Title.Length > 10);
        var editedSlug = await SlugAsync(node1, edited.UrlSegment);
        var removedSlug = await SlugAsync(node1, removed.UrlSegment);
        File.WriteAllText(Path.Combine(releases, "added-by-test.md"), ReleaseText("Quokkaborough harbour reopens", "https://www.beehive.govt.nz/release/quokkaborough-harbour-reopens"));
        var editedPath = Path.Combine(releases, edited.FileName);
        File.WriteAllText(editedPath, File.ReadAllText(editedPath).Replace($"title: {Quoted(edited.Title)}", "title: \"Wallabyton ferry timetable revised\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(releases, removed.FileName));
        Assert.Contains("Wallabyton", File.ReadAllText(editedPath), StringComparison.Ordinal);

        await IngestAsync();
        await EveryNodeAsync(
            "serves the added and edited releases and no longer the removed one",
            async node => await TotalAsync(node, "q=quokkaborough") == 1
                && await TitleAsync(node, editedSlug) == "Wallabyton ferry timetable revised"
                && await TotalAsync(node, "") == expected
                && (await node.Client.GetAsync($"/releases/{removedSlug}")).StatusCode == HttpStatusCode.Gone,
            node1,
            node2);

        // A third node, started late with an empty data directory: not ready (503) until its index is built, then the same.
        var node3 = StartNode("node3");
        await WaitReadyAsync(node3);
        await EveryNodeAsync(
            "the late node serves what the others serve",
            async node => await TotalAsync(node, "") == expected && await TotalAsync(node, "q=wallabyton") == 1,
            node3);

        // A node killed mid-service misses a change, and catches up when it starts again.
        await node2.KillAsync();
        File.WriteAllText(Path.Combine(releases, "while-node2-was-down.md"), ReleaseText("Bilbyburn bridge opens", "https://www.beehive.govt.nz/release/bilbyburn-bridge-opens"));
        await IngestAsync();
        await EveryNodeAsync("the running nodes serve the release added while node2 was down", async node => await TotalAsync(node, "q=bilbyburn") == 1, node1, node3);
        node2.Restart();
        await WaitReadyAsync(node2);
        await EveryNodeAsync("the restarted node caught up", async node => await TotalAsync(node, "q=bilbyburn") == 1 && await TotalAsync(node, "") == expected + 1, node2);

        // Two nodes never share an index: each node's data directory holds its own, and a node pointed at another
        // node's data directory stops at start, saying why.
        Assert.All(nodes, node => Assert.True(Directory.Exists(Path.Combine(temp.Path, node.Name, "index"))));
        using var intruder = Node.Start("intruder", Path.Combine(temp.Path, "node1"), temp.Path, connectionString);
        var exitCode = await intruder.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{intruder.Output}");
        Assert.Contains("is in use by another process", intruder.Output, StringComparison.Ordinal);
        Assert.Equal("ready", (await node1.HealthAsync())!.Value.Body.GetProperty("status").GetString());
    }

    private Node StartNode(string name, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var node = Node.Start(name, Path.Combine(temp.Path, name), temp.Path, connectionString, extraSettings);
        nodes.Add(node);
        return node;
    }

    /// <summary>Runs <c>ingest &lt;releases&gt;</c> as the deployment's ingester would, with its own data directory.</summary>
    private async Task IngestAsync()
    {
        using var ingester = ChildApp.Start(temp.Sub("ingester"), temp.Path, Node.StoreSettings(connectionString), "ingest", releases);
        var exitCode = await ingester.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"ingest exited with {exitCode}:\n{ingester.Output}");

        // The ingester writes the store only: no index of its own, which nobody would read.
        Assert.Contains("(the store only: each web node indexes it)", ingester.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "ingester", "index")), "the ingester built an index");
    }

    private async Task WaitReadyAsync(Node node)
    {
        var stopwatch = Stopwatch.StartNew();
        var sawNotReady = false;
        while (stopwatch.Elapsed < Deadline)
        {
            if (await node.HealthAsync() is { } health)
            {
                if (health.Status == HttpStatusCode.OK && health.Body.GetProperty("status").GetString() == "ready")
                {
                    output.WriteLine($"{node.Name} ready after {stopwatch.Elapsed.TotalSeconds:0.0} s (503 seen before: {sawNotReady})");
                    return;
                }

                sawNotReady |= health.Status == HttpStatusCode.ServiceUnavailable;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{node.Name} was not ready within {Deadline.TotalSeconds:0} s:\n{node.Output}");
    }

    /// <summary>Polls until every one of <paramref name="which"/> meets the condition, and reports how long each took.</summary>
    private async Task EveryNodeAsync(string what, Func<Node, Task<bool>> condition, params Node[] which)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var node in which)
        {
            while (!await condition(node))
            {
                if (stopwatch.Elapsed > Deadline)
                {
                    Assert.Fail($"{node.Name} did not meet \"{what}\" within {Deadline.TotalSeconds:0} s:\n{node.Output}");
                }

                await Task.Delay(50);
            }

            output.WriteLine($"{node.Name} {what}: {stopwatch.Elapsed.TotalMilliseconds:0} ms after the ingest ended");
        }
    }

    private static async Task<int> TotalAsync(Node node, string query) =>
        JsonDocument.Parse(await node.Client.GetStringAsync($"/api/releases?pageSize=1&{query}")).RootElement.GetProperty("total").GetInt32();

    private static async Task<string?> TitleAsync(Node node, string slug)
    {
        using var response = await node.Client.GetAsync($"/api/releases/{slug}");
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString() : null;
    }

    private static async Task<string> SlugAsync(Node node, string urlSegment) =>
        JsonDocument.Parse(await node.Client.GetStringAsync($"/api/releases/{urlSegment}")).RootElement.GetProperty("slug").GetString()!;

    private static string Quoted(string title) => "\"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string ReleaseText(string title, string url) => $"""
        ---
        title: "{title}"
        date: 2026-11-30
        url: "{url}"
        ministers: ["Test Minister"]
        portfolios: ["Testing"]
        ---
        {title}: the text of the release.
        """;
}
