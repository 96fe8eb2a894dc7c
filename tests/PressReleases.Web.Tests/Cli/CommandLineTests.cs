using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Cli;

/// <summary>The seeds ingested once by <c>ingest seeds</c> in a child process; the tests read or re-run over that data directory.</summary>
public sealed class CliSeedsFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new("cli-seeds");

    public string DataDirectory => Path.Combine(temp.Path, "data");

    public string WorkingDirectory => temp.Path;

    public CliResult FirstIngest { get; private set; } = null!;

    /// <summary>The seeds folder as given on the command line: relative to the directory the command runs in.</summary>
    public string RelativeSeeds => Path.GetRelativePath(WorkingDirectory, RepoPaths.Seeds);

    public async Task InitializeAsync() => FirstIngest = await CliRunner.RunAsync(DataDirectory, WorkingDirectory, "ingest", RelativeSeeds);

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary><c>ingest</c>, <c>reindex</c> and <c>help</c> run as the built app, as an operator would run them.</summary>
public sealed class CommandLineTests(CliSeedsFixture seeds) : IClassFixture<CliSeedsFixture>
{
    /// <summary>The seed files the ingester must reject (no title): the seeds are a folder with one bad file.</summary>
    private static List<ReleaseFileInfo> BadSeeds => SeedCorpus.Files.Where(f => !f.HasRequiredFields).ToList();

    [Fact]
    public void Ingest_PrintsASummaryWithWhatWasAdded_AndSucceedsDespiteABadFile()
    {
        var result = seeds.FirstIngest;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Ingesting {RepoPaths.Seeds}", result.StdOut, StringComparison.Ordinal);

        Assert.Single(BadSeeds);
        Assert.Equal(SeedCorpus.ExpectedReleases, result.Summary("Added"));
        Assert.Equal(0, result.Summary("Updated"));
        Assert.Equal(0, result.Summary("Unchanged"));
        Assert.Equal(BadSeeds.Count, result.Summary("Rejected"));
        Assert.Equal(SeedCorpus.Files.Count, result.Summary("Files"));
        AssertListsBadFiles(result);
    }

    [Fact]
    public async Task SecondStrictIngest_ChangesNothing_AndFailsOnTheBadFile()
    {
        Assert.True(seeds.FirstIngest.ExitCode == 0, seeds.FirstIngest.ToString());
        var result = await CliRunner.RunAsync(seeds.DataDirectory, seeds.WorkingDirectory, "ingest", seeds.RelativeSeeds, "--strict");

        // --strict: the run completed, but a file was rejected.
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, result.Summary("Added"));
        Assert.Equal(0, result.Summary("Updated"));
        Assert.Equal(0, result.Summary("Removed"));
        Assert.Equal(SeedCorpus.ExpectedReleases, result.Summary("Unchanged"));
        Assert.Equal(BadSeeds.Count, result.Summary("Rejected"));
        AssertListsBadFiles(result);
    }

    [Fact]
    public async Task Reindex_RebuildsALostIndexFromTheStore()
    {
        Assert.True(seeds.FirstIngest.ExitCode == 0, seeds.FirstIngest.ToString());
        var indexPath = Path.Combine(seeds.DataDirectory, "index");
        Directory.Delete(indexPath, recursive: true);

        // The data directory given relative to the directory the command runs in.
        var result = await CliRunner.RunAsync(Path.GetRelativePath(seeds.WorkingDirectory, seeds.DataDirectory), seeds.WorkingDirectory, "reindex");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Indexed {SeedCorpus.ExpectedReleases} releases", result.StdOut, StringComparison.Ordinal);

        // The rebuilt index itself, opened directly: a complete commit with every release in it.
        using (var index = new SearchIndex(indexPath, new ReleaseAnalyzer()))
        {
            Assert.False(index.NeedsRebuild);
            Assert.Equal(SeedCorpus.ExpectedReleases, index.DocumentCount);
        }

        // And the site over that data directory agrees, without ingesting anything itself.
        await using var site = new PressReleasesFactory(Path.Combine(seeds.WorkingDirectory, "no-source"), seeds.DataDirectory, ingestOnStartup: false);
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, SeedCorpus.ExpectedReleases);
        Assert.Equal(SeedCorpus.ExpectedReleases, (await client.GetAllReleasesAsync()).Count);
    }

    [Fact]
    public async Task IngestOfAMissingFolder_FailsWithFolderNotFound()
    {
        using var temp = new TempDirectory("cli-missing");
        var missing = Path.Combine(temp.Path, "no-such-folder");
        var result = await CliRunner.RunAsync(Path.Combine(temp.Path, "data"), temp.Path, "ingest", missing);
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Folder not found", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(missing, result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Added", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RefusesWhileASiteHoldsTheIndex()
    {
        using var temp = new TempDirectory("cli-busy");
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [NamesFixture.JaneFirst]);
        var data = Path.Combine(temp.Path, "data");

        await using var site = new PressReleasesFactory(source, data);
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, 1);

        var result = await CliRunner.RunAsync(data, temp.Path, "ingest", source);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("in use", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_PrintsTheUsage_AndAMistakePrintsItToStderrWithExitCode64()
    {
        using var temp = new TempDirectory("cli-help");
        var data = Path.Combine(temp.Path, "data");

        var help = await CliRunner.RunAsync(data, temp.Path, "help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("ingest <folder>", help.StdOut, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync(data, temp.Path, "frobnicate");
        Assert.Equal(64, unknown.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", unknown.StdErr, StringComparison.Ordinal);

        var noFolder = await CliRunner.RunAsync(data, temp.Path, "ingest");
        Assert.Equal(64, noFolder.ExitCode);
        Assert.Contains("ingest needs a folder", noFolder.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "A usage error must not create the data directory.");
    }

    /// <summary>Each rejected file is listed as "error: &lt;file&gt;:&lt;line&gt;: &lt;reason&gt;", with the line of the offending field.</summary>
    private static void AssertListsBadFiles(CliResult result)
    {
        foreach (var file in BadSeeds)
        {
            var titleLine = File.ReadAllLines(file.FullPath).ToList().FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal)) + 1;
            var prefix = $"error: {file.FileName}:{titleLine}: ";
            Assert.True(result.StdOutLines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains("title", StringComparison.Ordinal)), $"No '{prefix}…title…' line:\n{result}");
        }
    }
}
