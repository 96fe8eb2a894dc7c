using System.Diagnostics;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.Watching;

/// <summary>
/// The folder watch on a real folder with real file operations. Each wait that must report a change gets a rescan
/// interval far longer than the test, so only a noticed change can end it with <see cref="IngestTrigger.Change"/>.
/// </summary>
public sealed class ReleaseFolderWatcherTests : IDisposable
{
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory temp = new("folder-watch");
    private readonly SourceFolder source;

    public ReleaseFolderWatcherTests()
    {
        source = new SourceFolder(temp.Sub("source"));
        source.Write("2024/01/existing.md", "An existing release");
        source.Write("2024/02/other.md", "Another release");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task BurstOfWrites_IsReportedOnce_AfterTheFolderIsQuiet()
    {
        // Quiet means 3 s without a write: under the full suite's load this thread was once held up for over a
        // second between two writes, and a 1 s quiet time then (rightly) ended the burst early.
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20));
        var wait = watcher.WaitAsync(Never, CancellationToken.None);

        // Writes 50 ms apart: the watch notices the first at once, but must not report it while more keep coming.
        for (var i = 0; i < 20; i++)
        {
            source.Write($"2024/03/burst-{i}.md", $"Burst release {i}");
            Assert.False(wait.IsCompleted, $"The watch reported the burst after write {i} of 20, before the folder was quiet.");
            await Task.Delay(50);
        }

        Assert.Equal(IngestTrigger.Change, await wait.WaitAsync(Deadline));

        // The whole burst was one report: nothing is left to report now.
        Assert.Equal(IngestTrigger.Rescan, await watcher.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task NeverEndingTrickle_IsReportedWithinTheLongestDelay()
    {
        // Writes come faster than the quiet period, for much longer than the longest delay.
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));
        var wait = watcher.WaitAsync(Never, CancellationToken.None);
        var trickle = Stopwatch.StartNew();
        for (var i = 0; !wait.IsCompleted && trickle.Elapsed < Deadline; i++)
        {
            source.Write($"2024/04/trickle-{i}.md", $"Trickle release {i}");
            await Task.Delay(100);
        }

        Assert.True(wait.IsCompleted, $"The watch waited through {Deadline.TotalSeconds:0} s of changes without reporting them.");
        Assert.Equal(IngestTrigger.Change, await wait);
    }

    [Theory]
    [InlineData("create a file in a subfolder")]
    [InlineData("change a file")]
    [InlineData("delete a file")]
    [InlineData("rename a file")]
    [InlineData("rename a subfolder")]
    [InlineData("move a folder of releases in")]
    [InlineData("move a subfolder out")]
    [InlineData("create a file with an upper-case extension")]
    public async Task EachKindOfChange_IsReported(string change)
    {
        var outside = temp.Sub("outside");
        File.WriteAllText(Path.Combine(temp.Sub("outside/2025"), "moved-in.md"), new ReleaseFileText { Title = "Moved in" }.ToText("moved-in.md"));
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        var wait = watcher.WaitAsync(Never, CancellationToken.None);

        switch (change)
        {
            case "create a file in a subfolder":
                source.Write("2024/01/new.md", "A new release");
                break;
            case "change a file":
                File.AppendAllText(source.FullPath("2024/01/existing.md"), "One more paragraph.\n");
                break;
            case "delete a file":
                source.Delete("2024/01/existing.md");
                break;
            case "rename a file":
                source.Move("2024/01/existing.md", "2024/01/renamed.md");
                break;
            case "rename a subfolder":
                Directory.Move(source.FullPath("2024/02"), source.FullPath("2024/12"));
                break;
            case "move a folder of releases in":
                Directory.Move(Path.Combine(outside, "2025"), source.FullPath("2025"));
                break;
            case "move a subfolder out":
                Directory.Move(source.FullPath("2024/02"), Path.Combine(outside, "gone"));
                break;
            case "create a file with an upper-case extension":
                source.Write("2024/01/SHOUTING.MD", "A release in capitals");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        Assert.Equal(IngestTrigger.Change, await wait.WaitAsync(Deadline));
    }

    [Fact]
    public async Task FilesThatAreNotReleases_AreNotReported()
    {
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        var wait = watcher.WaitAsync(TimeSpan.FromSeconds(3), CancellationToken.None);

        File.WriteAllText(source.FullPath("2024/01/notes.txt"), "not a release");
        File.WriteAllText(source.FullPath("2024/01/.existing.md.swp"), "an editor's swap file");
        File.Delete(source.FullPath("2024/01/notes.txt"));

        Assert.Equal(IngestTrigger.Rescan, await wait.WaitAsync(Deadline));
    }

    [Fact]
    public async Task WithNoChange_TheRescanIntervalEndsTheWait()
    {
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

        Assert.Equal(IngestTrigger.Rescan, await watcher.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task ChangeMadeWhileNobodyWaits_IsReportedByTheNextWait()
    {
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

        // As during an ingest: the change comes, and settles, before anyone waits.
        source.Write("2024/01/during-a-run.md", "Written during a run");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(IngestTrigger.Change, await watcher.WaitAsync(Never, CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task CancellingTheWait_EndsIt()
    {
        using var watcher = new ReleaseFolderWatcher(source.Path, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        using var cancel = new CancellationTokenSource();
        var wait = watcher.WaitAsync(Never, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Deadline));
    }

    [Fact]
    public void MissingFolder_CannotBeWatched()
    {
        Assert.Throws<ArgumentException>(() => new ReleaseFolderWatcher(Path.Combine(temp.Path, "missing"), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2)));
    }
}
