using System.Diagnostics;
using System.Security.Cryptography;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// The ingest killed with SIGKILL at random points and run again ends with exactly what an uninterrupted
/// ingest gives: no duplicate, no half-written release, and an index that agrees with the store. On SQLite the
/// ingest keeps the index itself; on PostgreSQL it writes the store only (and each kill also ends the session that
/// held the ingest lock), so the index checked is one a new node builds from the store.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public abstract class IngestKillTests(StoreProvider provider, ITestOutputHelper output)
{
    /// <summary>About 2,760 of the corpus' 55,167 files (six store batches): enough for three runs killed mid-run, short enough for CI.</summary>
    private const int CorpusStep = 20;

    private const int Kills = 3;

    [Fact]
    public async Task KillingTheIngestThreeTimes_AndRunningItAgain_GivesExactlyTheReleasesOfTheFolder()
    {
        var seed = Environment.GetEnvironmentVariable("PRESSRELEASES_KILL_SEED") is { } fixedSeed ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (rerun with PRESSRELEASES_KILL_SEED={seed})");
        var random = new Random(seed);

        using var temp = new TempDirectory("ingest-kill");
        var source = temp.Sub("source");
        var fileCount = CorpusSubset.CopyEvery(CorpusStep, source);
        var reference = await TargetAsync(temp, "reference");
        var crashed = await TargetAsync(temp, "crashed");
        try
        {
            await KillAndResumeAsync(temp, source, fileCount, reference, crashed, random);
        }
        finally
        {
            await reference.DisposeAsync();
            await crashed.DisposeAsync();
        }
    }

    private async Task KillAndResumeAsync(TempDirectory temp, string source, int fileCount, StoreUnderTest reference, StoreUnderTest crashed, Random random)
    {
        // What the folder gives when nothing goes wrong: the oracle for the crashed store.
        var referenceClock = Stopwatch.StartNew();
        await IngestAsync(temp, reference, source);
        var referenceTime = referenceClock.Elapsed;
        var expected = await StoreContents.ReadAsync(reference.Location);
        Assert.True(expected.Count > fileCount * 9 / 10, $"Only {expected.Count} of {fileCount} files became releases.");
        output.WriteLine($"{provider}: {fileCount} files, {expected.Count} releases; uninterrupted ingest {referenceTime.TotalSeconds:0.0} s");

        // Each kill comes once the run has committed at least one batch of its own, at a random moment soon after
        // (parsing, the next store batch, the index feed or its commit: batches come every fraction of a second), so
        // every run gets further than the last and every kill finds the ingest still running. When earlier runs
        // already stored every release (SQLite writes its batches ahead of the index), what is left is the index, rebuilt
        // or caught up at start, so the kill comes at a random moment once the run has begun writing it instead.
        var allRows = reference.CountRows();
        for (var kill = 0; kill < Kills; kill++)
        {
            var before = crashed.CountRows();
            var storeWasComplete = before >= allRows;
            using var child = ChildApp.Start(crashed.DataDirectory, temp.Path, crashed.Settings, "ingest", source);
            var run = Stopwatch.StartNew();
            var startedAt = DateTime.UtcNow;
            while (!(storeWasComplete ? IndexWrittenSince(crashed.DataDirectory, startedAt) : crashed.CountRows() > before)
                && !child.HasExited && run.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(20);
            }

            var firstBatch = run.Elapsed;
            await Task.Delay(referenceTime * 0.02 * random.NextDouble());
            if (child.HasExited)
            {
                Assert.Fail($"The ingest finished (exit code {child.ExitCode}) before kill {kill + 1}:\n{child.Output}");
            }

            await child.KillAsync();
            var after = crashed.CountRows();
            output.WriteLine($"kill {kill + 1} after {run.Elapsed.TotalSeconds:0.0} s ({(storeWasComplete ? "the store was complete: the run's first index write" : "the run's first batch")} at {firstBatch.TotalSeconds:0.0} s): {before} rows in the store before the run, {after} after");
            Assert.True(after > before || storeWasComplete, $"Run {kill + 1} was killed before it wrote anything.");
        }

        // The last kill's session held the ingest lock; the next run must not wait for it.
        await IngestAsync(temp, crashed, source);

        var stored = await StoreContents.ReadAsync(crashed.Location);

        // Removed rows count too: a release written twice and the copy then marked removed is a duplicate.
        Assert.Equal(reference.CountRows(), crashed.CountRows());
        AssertNoDuplicates(stored.Select(s => s.Release).ToList());
        AssertSameReleases(expected.Select(e => e.Release).ToList(), stored.Select(s => s.Release).ToList());
        AssertEachReleaseIsItsFile(source, stored.Select(s => s.Release));
        if (provider == StoreProvider.PostgreSql)
        {
            // The ingester kept no index: a node's is built from the store, as a new node's would be.
            Assert.False(Directory.Exists(Path.Combine(crashed.DataDirectory, "index")), "the PostgreSQL ingester built an index");
            await RunAsync(temp, crashed, "reindex");
        }

        AssertIndexAgreesWithStore(Path.Combine(crashed.DataDirectory, "index"), stored);
    }

    private static bool IndexWrittenSince(string dataDirectory, DateTime since)
    {
        var index = Path.Combine(dataDirectory, "index");
        return Directory.Exists(index) && Directory.EnumerateFiles(index).Any(f => File.GetLastWriteTimeUtc(f) > since);
    }

    private async Task<StoreUnderTest> TargetAsync(TempDirectory temp, string name)
    {
        var data = Path.Combine(temp.Path, name);
        if (provider == StoreProvider.Sqlite)
        {
            return new StoreUnderTest(data, StoreLocation.Sqlite(new DataDirectory(data)), new Dictionary<string, string>(), () => StoreContents.CountWhileWriting(data), null);
        }

        var server = await PostgreSqlServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync(name);
        var settings = new Dictionary<string, string>
        {
            ["PressReleases__Store__Provider"] = "PostgreSql",
            ["PressReleases__Store__ConnectionString"] = connectionString,
        };
        return new StoreUnderTest(data, StoreLocation.PostgreSql(connectionString), settings, () => StoreContents.CountInPostgreSql(connectionString), () => server.DropDatabaseAsync(connectionString));
    }

    private static async Task IngestAsync(TempDirectory temp, StoreUnderTest target, string source) => await RunAsync(temp, target, "ingest", source);

    private static async Task RunAsync(TempDirectory temp, StoreUnderTest target, params string[] args)
    {
        using var child = ChildApp.Start(target.DataDirectory, temp.Path, target.Settings, args);
        var exitCode = await child.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} exited with {exitCode}:\n{child.Output}");
    }

    private static void AssertNoDuplicates(List<StoredRelease> stored)
    {
        Assert.Empty(stored.GroupBy(r => r.SourcePath).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(stored.GroupBy(r => r.Slug).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>Record by record, every field (title, body, ministers, portfolios...) as the uninterrupted ingest wrote it.</summary>
    private static void AssertSameReleases(List<StoredRelease> expected, List<StoredRelease> stored)
    {
        var missing = expected.Select(e => e.SourcePath).Except(stored.Select(s => s.SourcePath)).ToList();
        var extra = stored.Select(s => s.SourcePath).Except(expected.Select(e => e.SourcePath)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"Missing: {string.Join(", ", missing.Take(10))}; extra: {string.Join(", ", extra.Take(10))}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], stored[i]);
        }
    }

    /// <summary>The stored hash is the file's: no release holds another version's or a partial write's content.</summary>
    private static void AssertEachReleaseIsItsFile(string source, IEnumerable<StoredRelease> stored)
    {
        foreach (var release in stored)
        {
            var bytes = File.ReadAllBytes(Path.Combine(source, release.SourcePath));
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(bytes)) == release.ContentHash, $"{release.SourcePath}: the stored hash is not the file's.");
            var file = ReleaseFileReader.Read(Path.Combine(source, release.SourcePath));
            Assert.True(file.Url == release.SourceUrl, $"{release.SourcePath}: url {release.SourceUrl}, file says {file.Url}");
        }
    }

    private static void AssertIndexAgreesWithStore(string indexPath, List<(int Id, long ChangeSeq, StoredRelease Release)> stored)
    {
        using var index = new SearchIndex(indexPath, new ReleaseAnalyzer());
        Assert.False(index.NeedsRebuild, "The index was left damaged or unfinished.");
        Assert.Equal(stored.Max(s => s.ChangeSeq), index.CommittedChangeSeq);

        var documents = IndexContents.Documents(index);
        Assert.Equal(stored.Count, documents.Count);
        foreach (var (id, _, release) in stored)
        {
            Assert.True(documents.TryGetValue(id, out var document), $"Release {id} ({release.SourcePath}) is not in the index.");
            Assert.Equal(release.Slug, document.Slug);
            Assert.Equal(release.Title, document.Title);
            Assert.Equal(Slugs(release.Ministers), document.Ministers);
            Assert.Equal(Slugs(release.Portfolios), document.Portfolios);
        }

        // A search finds exactly the releases whose stored body holds the word, as the analyser reads it.
        foreach (var term in new[] { "govern", "school", "whale" })
        {
            var found = IndexContents.IdsWithBodyTerm(index, term);
            var expected = stored.Where(s => IndexContents.Contains(index.Analyzer, s.Release.BodyText, term)).Select(s => s.Id).ToHashSet();
            Assert.NotEmpty(expected);
            Assert.True(expected.SetEquals(found), $"'{term}': the store has {expected.Count} releases, the index finds {found.Count}.");
        }
    }

    /// <summary>"jane-doe=Hon Jane Doe | ..." → "jane-doe | ...": the index keeps slugs only.</summary>
    private static string Slugs(string links) =>
        string.Join(" | ", links.Split(" | ", StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]));
}

/// <summary>A store the test ingests into: its data directory, where it is, the settings that point a process at it.</summary>
internal sealed record StoreUnderTest(string DataDirectory, StoreLocation Location, IReadOnlyDictionary<string, string> Settings, Func<long> CountRows, Func<Task>? Drop) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Drop is not null)
        {
            await Drop();
        }
    }
}

public sealed class IngestKillOnSqliteTests(ITestOutputHelper output) : IngestKillTests(StoreProvider.Sqlite, output);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IngestKillOnPostgreSqlTests(ITestOutputHelper output) : IngestKillTests(StoreProvider.PostgreSql, output);
