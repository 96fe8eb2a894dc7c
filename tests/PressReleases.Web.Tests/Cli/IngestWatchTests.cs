using System.Text.RegularExpressions;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;
using static PressReleases.Web.Tests.Cli.WatchAssertions;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// <c>ingest &lt;folder&gt; --watch</c> as the built app on a SQLite store, with real files changing under it and real
/// signals stopping it; the store and index are read afterwards, as the next process would find them.
/// </summary>
public sealed partial class IngestWatchTests
{
    private static readonly Dictionary<string, string> QuickDebounce = new() { ["PressReleases__Ingest__DebounceMilliseconds"] = "200" };

    private static readonly ReleaseSpec First = ReleaseSpec.Make(
        "watched-first", "First watched release", "2024-01-10", ["Hon Jane Example"], ["Health"], "Hospitals get more beds.");

    private static readonly ReleaseSpec Second = ReleaseSpec.Make(
        "watched-second", "Second watched release", "2024-01-11", ["Sam Sample"], ["Education"], "Schools get more teachers.");

    private static readonly ReleaseSpec Third = ReleaseSpec.Make(
        "watched-third", "Third watched release", "2024-01-12", ["Sam Sample"], ["Transport"], "Roads get more lanes.");

    [Fact]
    public async Task Watch_IngestsAddedChangedAndDeletedFiles_AndSigtermEndsItWithExitCodeZero()
    {
        using var temp = new TempDirectory("cli-watch");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        ReleaseFileWriter.WriteAll(source, [First, Second]);

        using var app = ChildApp.Start(data, temp.Path, QuickDebounce, "ingest", source, "--watch");
        await app.WaitForLineAsync(l => l.StartsWith("out: Watching ", StringComparison.Ordinal), Deadline, "the first run's report");
        Assert.Contains("out: Added      2", app.Output, StringComparison.Ordinal);

        ReleaseFileWriter.Write(Path.Combine(source, "2024"), Third);
        var added = await app.WaitForLineAsync(RunLine("change: 1 added, 0 updated, 2 unchanged, 0 removed, 0 rejected (3 files"), Deadline, "the added file's run");
        Assert.Matches(TimestampedRun(), added);

        ReleaseFileWriter.Write(source, First with { Title = "First watched release, corrected" });
        await app.WaitForLineAsync(RunLine("change: 0 added, 1 updated, 2 unchanged, 0 removed, 0 rejected (3 files"), Deadline, "the changed file's run");

        File.Delete(Path.Combine(source, Second.FileName));
        await app.WaitForLineAsync(RunLine("change: 0 added, 0 updated, 2 unchanged, 1 removed, 0 rejected (2 files"), Deadline, "the deleted file's run");

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync(Deadline));
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        await AssertStoreAndIndexHoldAsync(data, ["First watched release, corrected", Third.Title]);
    }

    [Fact]
    public async Task SigtermDuringABigFirstRun_ExitsZeroKeepingWholeReleases_AndAOneOffIngestFinishesTheWork()
    {
        const int files = 6_000;
        using var temp = new TempDirectory("cli-watch-big");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        GeneratedReleases.Write(source, files);

        using var app = ChildApp.Start(data, temp.Path, QuickDebounce, "ingest", source, "--watch");
        await WaitUntilAsync(() => StoreContents.CountWhileWriting(data) > 0, "the first store batch", () => app.Output);
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync(Deadline));

        // Stopped inside the first run: it never reported, and the store kept whole releases only.
        Assert.DoesNotContain("out: Watching ", app.Output, StringComparison.Ordinal);
        var kept = await AssertKeptAWholePrefixAsync(data, source);

        var rest = await CliRunner.RunAsync(data, temp.Path, "ingest", source);
        Assert.True(rest.ExitCode == 0, rest.ToString());
        Assert.Equal(files - kept, rest.Summary("Added"));
        Assert.Equal(kept, rest.Summary("Unchanged"));
        await AssertStoreAndIndexHoldAsync(data, Enumerable.Range(0, files).Select(GeneratedReleases.Title).ToList());
    }

    [Theory]
    [InlineData("TERM", 0)]
    [InlineData("INT", 130)]
    public async Task OneOffIngest_StoppedBySignal_KeepsWholeReleases_AndExitsZeroForSigterm_130ForCtrlC(string signal, int exitCode)
    {
        // Enough that the run is still going when the signal comes: 6,000 files were once all ingested before it
        // landed, under the full suite's load, once the index got faster to write.
        const int files = 15_000;
        using var temp = new TempDirectory("cli-ingest-signal");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        GeneratedReleases.Write(source, files);

        using var app = ChildApp.Start(data, temp.Path, null, "ingest", source);
        await WaitUntilAsync(() => StoreContents.CountWhileWriting(data) > 0, "the first store batch", () => app.Output);
        if (signal == "TERM")
        {
            app.Terminate();
        }
        else
        {
            app.Interrupt();
        }

        Assert.Equal(exitCode, await app.WaitForExitAsync(Deadline));
        Assert.Contains("err: Cancelled; releases written before the cancel are kept.", app.Output, StringComparison.Ordinal);
        await AssertKeptAWholePrefixAsync(data, source);
    }

    /// <summary>A line of the watch's stdout holding <paramref name="run"/>.</summary>
    private static Func<string, bool> RunLine(string run) =>
        line => line.StartsWith("out: ", StringComparison.Ordinal) && line.Contains(run, StringComparison.Ordinal);

    [GeneratedRegex(@"^out: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d change: ")]
    private static partial Regex TimestampedRun();
}
