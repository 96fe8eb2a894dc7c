using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the SQLite store, taken while the site runs on it, that serves as a
/// data directory's store as it is; it never overwrites a file and refuses a PostgreSQL store.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempDirectory temp = new("backup");

    [Fact]
    public async Task WhileTheSiteRuns_TheBackupHoldsEveryRelease_AndOpensAsAStore()
    {
        var data = temp.Sub("data");
        var ingest = await CliRunner.RunAsync(data, temp.Path, "ingest", RepoPaths.Seeds);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var port = FreePort.Find();
        using var site = ChildApp.Start(data, temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["PressReleases__IngestOnStartup"] = "false",
        });
        await site.WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the site listening");

        // Restored as it would be: the backup becomes the store of a data directory of its own.
        var restored = temp.Sub("restored");
        var backup = await CliRunner.RunAsync(data, temp.Path, "backup", Path.Combine(restored, "pressreleases.db"));

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Contains("Backed up the SQLite store", backup.StdOut, StringComparison.Ordinal);
        Assert.False(site.HasExited, site.Output);
        var original = await StoreContents.ReadAsync(data);
        var copy = await StoreContents.ReadAsync(restored);
        Assert.Equal(SeedCorpus.ExpectedReleases, copy.Count);
        Assert.Equal(original.Select(r => r.Release), copy.Select(r => r.Release));
        await site.KillAsync();
    }

    [Fact]
    public async Task AnExistingFile_IsNeverOverwritten()
    {
        var data = temp.Sub("data");
        Assert.Equal(0, (await CliRunner.RunAsync(data, temp.Path, "ingest", RepoPaths.Seeds)).ExitCode);
        var target = Path.Combine(temp.Path, "keep.db");
        await File.WriteAllTextAsync(target, "not to be lost");

        var backup = await CliRunner.RunAsync(data, temp.Path, "backup", target);

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("already exists", backup.StdErr, StringComparison.Ordinal);
        Assert.Equal("not to be lost", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task WithNoStore_ItSaysSo_AndCreatesNone()
    {
        var data = temp.Sub("empty-data");
        var target = Path.Combine(temp.Path, "nothing.db");

        var backup = await CliRunner.RunAsync(data, temp.Path, "backup", target);

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("There is no store to back up", backup.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(Path.Combine(data, "pressreleases.db")));
    }

    [Theory]
    [InlineData()]
    [InlineData("a.db", "b.db")]
    [InlineData("--force")]
    public async Task WithoutOneFile_ItPrintsUsage(params string[] args)
    {
        var backup = await CliRunner.RunAsync(temp.Sub("data"), temp.Path, ["backup", .. args]);

        Assert.Equal(64, backup.ExitCode);
        Assert.Contains("backup takes one argument", backup.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
