using System.Text.Json;
using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// <c>PressReleases:JsonLogs=true</c> (on in the Docker image): the site's and the command line's log lines are one
/// JSON object each, for a log collector. Run as processes, since the console is what is checked.
/// </summary>
public sealed class JsonLogsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new("json-logs");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Site_LogsOneJsonObjectPerLine_WhenTheSettingIsOn(bool json)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Find()}",
            ["PressReleases__IngestOnStartup"] = "false",
            ["PressReleases__JsonLogs"] = json ? "true" : "false",
        };
        using var site = ChildApp.Start(temp.Sub("data"), temp.Path, settings);
        var line = await site.WaitForLineAsync(l => l.Contains("Search index ready", StringComparison.Ordinal), Deadline, "the start-up's log line");
        site.Terminate();

        if (!json)
        {
            // The framework's plain lines: the level and category, then the message on a line of its own.
            Assert.Contains("out: info: PressReleases.Web.Startup.StartupService", site.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("out: {", site.Output, StringComparison.Ordinal);
            return;
        }

        var entry = Parse(line);
        Assert.Equal("Information", entry.GetProperty("LogLevel").GetString());
        Assert.Equal("PressReleases.Web.Startup.StartupService", entry.GetProperty("Category").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", entry.GetProperty("Timestamp").GetString());
        Assert.StartsWith("Search index ready", entry.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.True(entry.GetProperty("State").TryGetProperty("Documents", out _), $"the message's values are missing: {line}");
        foreach (var other in site.Output.Split('\n').Where(l => l.StartsWith("out: ", StringComparison.Ordinal)))
        {
            Parse(other);
        }
    }

    [Fact]
    public async Task WatchingIngest_LogsJson_WhenTheSettingIsOn()
    {
        var source = temp.Sub("source");
        using var ingest = ChildApp.Start(temp.Sub("data"), temp.Path, new Dictionary<string, string> { ["PressReleases__JsonLogs"] = "true" }, "ingest", source, "--watch");
        var line = await ingest.WaitForLineAsync(l => l.StartsWith("err: {", StringComparison.Ordinal) && l.Contains("Watching", StringComparison.Ordinal), Deadline, "the watch's log line");
        ingest.Terminate();
        Assert.Equal(0, await ingest.WaitForExitAsync(Deadline));

        var entry = Parse(line);
        Assert.Equal("PressReleases.Core.Ingestion.Watching.WatchedIngest", entry.GetProperty("Category").GetString());
        Assert.Contains(Path.GetFileName(source), entry.GetProperty("State").GetProperty("Folder").GetString(), StringComparison.Ordinal);
    }

    /// <summary>One line of the child's output without its "out: "/"err: " prefix, which must be one JSON object.</summary>
    private static JsonElement Parse(string line)
    {
        var text = line[5..].TrimEnd('\r');
        try
        {
            using var document = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON log line ({ex.Message}): {text}");
        }
    }
}
