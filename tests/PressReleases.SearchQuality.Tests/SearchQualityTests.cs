using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PressReleases.SearchQuality.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.SearchQuality.Tests;

/// <summary>
/// Ranking quality over the full real corpus: every judged query (judged-queries.json) is searched as a user would
/// (first page of 10; a typo query also through its "Did you mean"), scored by reciprocal rank of the first judged
/// release and recall@10, and the means, overall and per kind, must stay above the floors. The full table goes to the
/// test output and to TestResults/search-quality.md under the test output directory.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public sealed class SearchQualityTests(CorpusSearchFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusSearchFixture>
{
    // Floors at the targets where the engine meets them, else about 0.03 below what was measured when they
    // were set (2026-12-02, 279 queries: MRR 0.935, recall@10 0.996, after releases missing a word came to be listed;
    // per kind and split in docs/search-quality.md, with the history and the failure analysis). Raise them when
    // ranking improves; never lower them to let a regression pass without recording why in that document's History.
    public const double MrrFloor = 0.91;
    public const double RecallAt10Floor = 0.97;

    /// <summary>The least each kind may score (MRR, recall@10), over both splits.</summary>
    public static readonly IReadOnlyDictionary<string, QualityFloor> KindFloors = new Dictionary<string, QualityFloor>(StringComparer.Ordinal)
    {
        ["known-item"] = new(0.74, 0.92),
        ["topic"] = new(0.97, 0.97),
        ["minister-topic"] = new(0.97, 0.97),
        ["folding"] = new(1.0, 1.0),
        ["stemming-possessive"] = new(1.0, 1.0),
        ["phrase"] = new(0.84, 0.97),
        ["title"] = new(0.95, 0.97),
        ["gist"] = new(0.85, 0.97),
        ["gist-absent"] = new(0.80, 0.90),
        ["quote"] = new(1.0, 1.0),
        ["stem"] = new(1.0, 1.0),
        ["macron"] = new(1.0, 1.0),
        ["typo"] = new(0.97, 1.0),
        ["topic-year"] = new(0.97, 0.97),
    };

    private readonly JudgedQuerySet set = JudgedQuerySet.Load(QualityFiles.JudgedQueries);

    [Fact]
    public async Task EveryJudgedRelease_IsInTheStore()
    {
        corpus.EnsureCorpus();
        await AssertJudgedReleasesStoredAsync();
    }

    [Fact]
    public async Task JudgedQueries_FindTheirReleasesOnTheFirstPage()
    {
        corpus.EnsureCorpus();

        // A typo in the set must fail here, loudly, rather than count as a ranking miss.
        await AssertJudgedReleasesStoredAsync();

        var stopwatch = Stopwatch.StartNew();
        var outcomes = await QualityRunner.RunAsync(corpus.Search, set.Queries);
        stopwatch.Stop();
        var report = new QualityReport(set, await QualityRunner.DiagnoseAsync(corpus.Search, outcomes));

        var ingest = corpus.Report!;
        var context = string.Create(
            CultureInfo.InvariantCulture,
            $"Run {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {Environment.MachineName} ({Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}). " +
            $"Corpus `{corpus.CorpusFolder}`: {ingest.FilesSeen:N0} files, {ingest.Added:N0} added, {ingest.Rejected:N0} rejected, " +
            $"{corpus.IndexedDocuments:N0} documents indexed; ingest {corpus.IngestElapsed.TotalSeconds:0.0} s; " +
            $"{set.Queries.Count} queries searched in {stopwatch.Elapsed.TotalMilliseconds:0} ms.");
        var markdown = report.ToMarkdown(context, new QualityFloor(MrrFloor, RecallAt10Floor), KindFloors);

        output.WriteLine(markdown);
        Directory.CreateDirectory(Path.GetDirectoryName(QualityFiles.Report)!);
        await File.WriteAllTextAsync(QualityFiles.Report, markdown);
        output.WriteLine($"Report written to {QualityFiles.Report}");

        Assert.True(
            report.Overall.Mrr >= MrrFloor,
            $"MRR {QualityReport.F(report.Overall.Mrr)} fell below the floor {QualityReport.F(MrrFloor)} (see {QualityFiles.Report} and docs/search-quality.md).");
        Assert.True(
            report.Overall.RecallAt10 >= RecallAt10Floor,
            $"Recall@10 {QualityReport.F(report.Overall.RecallAt10)} fell below the floor {QualityReport.F(RecallAt10Floor)} (see {QualityFiles.Report} and docs/search-quality.md).");
    }

    [Fact]
    public async Task EveryKind_StaysAboveItsFloors()
    {
        corpus.EnsureCorpus();

        var report = new QualityReport(set, await QualityRunner.RunAsync(corpus.Search, set.Queries));
        output.WriteLine(report.KindTable(KindFloors, new QualityFloor(MrrFloor, RecallAt10Floor)));

        var problems = QualityFloors.Check(report.ByKind.Select(k => k.All), KindFloors);
        Assert.True(problems.Count == 0, "Kinds below their floors (see docs/search-quality.md):\n" + string.Join("\n", problems));
    }

    private async Task AssertJudgedReleasesStoredAsync()
    {
        var judged = set.Queries.SelectMany(q => q.Relevant).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await corpus.DbFactory.CreateDbContextAsync();
        var stored = await db.Releases.AsNoTracking()
            .Where(r => r.RemovedAt == null && judged.Contains(r.Slug))
            .Select(r => r.Slug)
            .ToListAsync();
        var missing = set.Queries
            .SelectMany(q => q.Relevant.Where(s => !stored.Contains(s, StringComparer.Ordinal)).Select(s => $"{q.Id} ({q.Query}): {s}"))
            .ToList();
        Assert.True(missing.Count == 0, $"Judged releases that are not in the store (a typo in {JudgedQuerySet.FileName}?):\n" + string.Join("\n", missing));
    }
}
