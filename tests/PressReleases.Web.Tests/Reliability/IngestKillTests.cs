using System.Diagnostics;
using System.Security.Cryptography;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// The ingest killed with SIGKILL at random points and run again ends with exactly what an uninterrupted
/// ingest gives: no duplicate, no half-written release, and an index that agrees with the store.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public sealed class IngestKillTests(ITestOutputHelper output)
{
    /// <summary>About 1,800 of the corpus' 55,167 files (several store batches): long enough to kill mid-run three times, short enough for CI.</summary>
    private const int CorpusStep = 30;

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
        var referenceData = Path.Combine(temp.Path, "reference");
        var crashedData = Path.Combine(temp.Path, "crashed");

        // What the folder gives when nothing goes wrong: the oracle for the crashed store.
        var referenceClock = Stopwatch.StartNew();
        var reference = await CliRunner.RunAsync(referenceData, temp.Path, "ingest", source);
        var referenceTime = referenceClock.Elapsed;
        Assert.True(reference.ExitCode == 0, reference.ToString());
        var expected = await StoreContents.ReadAsync(referenceData);
        Assert.True(expected.Count > fileCount * 9 / 10, $"Only {expected.Count} of {fileCount} files became releases:\n{reference}");
        output.WriteLine($"{fileCount} files, {expected.Count} releases; uninterrupted ingest {referenceTime.TotalSeconds:0.0} s");

        // Each kill comes at a random moment of its run (parsing, a store batch, the index feed or its commit).
        // The runs together never get through more than 80 % of an uninterrupted run's time, so every kill
        // finds the ingest still running: each run resumes where the last committed batch left off.
        for (var kill = 0; kill < Kills; kill++)
        {
            var before = StoreContents.CountWhileWriting(crashedData);
            var delay = referenceTime * (0.8 / Kills) * (0.2 + (0.8 * random.NextDouble()));
            using var child = ChildApp.Start(crashedData, temp.Path, null, "ingest", source);
            await Task.Delay(delay);
            if (child.HasExited)
            {
                Assert.Fail($"The ingest finished (exit code {child.ExitCode}) before the kill after {delay.TotalSeconds:0.0} s:\n{child.Output}");
            }

            await child.KillAsync();
            output.WriteLine($"kill {kill + 1} after {delay.TotalSeconds:0.0} s: {before} rows in the store before the run, {StoreContents.CountWhileWriting(crashedData)} after");
        }

        var final = await CliRunner.RunAsync(crashedData, temp.Path, "ingest", source);
        Assert.True(final.ExitCode == 0, final.ToString());

        var stored = await StoreContents.ReadAsync(crashedData);

        // Removed rows count too: a release written twice and the copy then marked removed is a duplicate.
        Assert.Equal(StoreContents.CountWhileWriting(referenceData), StoreContents.CountWhileWriting(crashedData));
        AssertNoDuplicates(stored.Select(s => s.Release).ToList());
        AssertSameReleases(expected.Select(e => e.Release).ToList(), stored.Select(s => s.Release).ToList());
        AssertEachReleaseIsItsFile(source, stored.Select(s => s.Release));
        AssertIndexAgreesWithStore(Path.Combine(crashedData, "index"), stored);
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
