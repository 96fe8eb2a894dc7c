using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>
/// Revision history: an ingest that finds a release's content changed keeps the previous version with when it was
/// first and last seen; anything else stores no version. Seen times come from a clock the test moves, a day per ingest.
/// </summary>
public abstract class ReleaseRevisionsTests(StoreProvider provider) : IAsyncLifetime
{
    private const string File = "2020/01/budget-day.md";
    private const string Slug = "budget-day";

    private static readonly ReleaseFileText Original = new()
    {
        Title = "Budget day announced",
        Date = "2020-01-15",
        Ministers = ["Hon Grant Robertson", "Hon Jacinda Ardern"],
        Portfolios = ["Finance", "Maori Development"],
        Body = "The Budget will be delivered on 14 May.\n\nIt will focus on wellbeing.",
    };

    // Files are written now; the clock starts later, on a whole second, so their write times are trusted as on a real disk.
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()));

    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private Ingester Ingester => new(store.DbFactory, store.Index, new ReleaseFileParser(new MarkdownRenderer()), store.Catalog, clock, NullLogger<Ingester>.Instance);

    private ReleaseHistoryReader Reader => new(store.DbFactory, store.Catalog.Availability);

    /// <summary>Ingests the source folder at the clock's time, then moves the clock a day on.</summary>
    private async Task<(IngestReport Report, DateTimeOffset At)> IngestAsync()
    {
        var at = clock.GetUtcNow();
        var report = await Ingester.IngestAsync(store.Source.Path);
        clock.Advance(TimeSpan.FromDays(1));
        return (report, at);
    }

    private async Task<List<ReleaseVersion>> VersionRowsAsync()
    {
        await using var db = store.NewDb();
        return await db.ReleaseVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
    }

    private async Task<Release> ReleaseRowAsync()
    {
        await using var db = store.NewDb();
        return await db.Releases.AsNoTracking().SingleAsync(r => r.Slug == Slug);
    }

    [Fact]
    public async Task ChangedTitleBodyAndMinisters_KeepThePreviousVersion_FirstAndLastSeen()
    {
        store.Source.Write(File, Original);
        var (_, first) = await IngestAsync();
        var (_, again) = await IngestAsync();
        store.Source.Write(File, Original with
        {
            Title = "Budget day moved",
            Ministers = ["Hon Grant Robertson"],
            Body = "The Budget will be delivered on 21 May.\n\nIt will focus on wellbeing.",
        });

        var (report, edited) = await IngestAsync();

        Assert.Equal((0, 1), (report.Added, report.Updated));
        var kept = Assert.Single(await VersionRowsAsync());
        Assert.Equal(("Budget day announced", new DateOnly(2020, 1, 15)), (kept.Title, kept.Date));
        Assert.Equal(["Grant Robertson", "Jacinda Ardern"], kept.Ministers);
        Assert.Equal(["Finance", "Maori Development"], kept.Portfolios);
        Assert.Equal("The Budget will be delivered on 14 May.\nIt will focus on wellbeing.", kept.BodyText);
        Assert.Contains("<p>The Budget will be delivered on 14 May.</p>", kept.BodyHtml, StringComparison.Ordinal);
        Assert.Equal((first, again), (kept.FirstSeenAt, kept.LastSeenAt));
        Assert.Equal(edited, (await ReleaseRowAsync()).RevisedAt);

        var history = await Reader.FindAsync(Slug);
        Assert.NotNull(history);
        Assert.True(history.WasEdited);
        Assert.Equal([(1, false), (2, true)], history.Versions.Select(v => (v.Number, v.IsCurrent)));
        Assert.Equal(["Budget day announced", "Budget day moved"], history.Versions.Select(v => v.Content.Title));
        Assert.Equal(["Grant Robertson"], history.Current.Content.Ministers);
        Assert.Equal((edited, edited), (history.Current.FirstSeen, history.Current.LastSeen));
        Assert.Equal([first, edited], await Reader.VersionsSeenAsync(history.ReleaseId));

        // An unchanged ingest later stores nothing more, and the current version has been seen until it ended.
        var (unchanged, later) = await IngestAsync();
        Assert.Equal(1, unchanged.Unchanged);
        Assert.Single(await VersionRowsAsync());
        Assert.Equal(later, (await Reader.FindAsync(Slug))!.Current.LastSeen);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("date")]
    [InlineData("minister")]
    [InlineData("ministers' order")]
    [InlineData("portfolio's spelling")]
    [InlineData("body word")]
    [InlineData("body punctuation")]
    public async Task EachContentField_IsAnEdit(string changed)
    {
        store.Source.Write(File, Original);
        await IngestAsync();
        store.Source.Write(File, changed switch
        {
            "title" => Original with { Title = "Budget day confirmed" },
            "date" => Original with { Date = "2020-01-16" },
            "minister" => Original with { Ministers = ["Hon Grant Robertson", "Hon Chris Hipkins"] },
            "ministers' order" => Original with { Ministers = ["Hon Jacinda Ardern", "Hon Grant Robertson"] },
            "portfolio's spelling" => Original with { Portfolios = ["Finance", "Māori Development"] },
            "body word" => Original with { Body = "The Budget will be delivered on 21 May.\n\nIt will focus on wellbeing." },
            _ => Original with { Body = "The Budget will be delivered on 14 May!\n\nIt will focus on wellbeing." },
        });

        await IngestAsync();

        Assert.True((await VersionRowsAsync()).Count == 1, $"a change of {changed} kept no version");
        Assert.NotNull((await ReleaseRowAsync()).RevisedAt);
    }

    [Fact]
    public async Task UnchangedReingest_StoresNothingNew()
    {
        store.Source.Write(File, Original);
        await IngestAsync();
        var before = await ReleaseRowAsync();

        // Also a file written again with the same bytes (a fresh copy): read and hashed, but unchanged.
        store.Source.Write(File, Original);
        var (report, _) = await IngestAsync();

        Assert.Equal((0, 0, 1), (report.Added, report.Updated, report.Unchanged));
        Assert.Empty(await VersionRowsAsync());
        var after = await ReleaseRowAsync();
        Assert.Equal((before.ChangeSeq, before.UpdatedAt), (after.ChangeSeq, after.UpdatedAt));
        Assert.Null(after.RevisedAt);
        Assert.Empty(await Reader.VersionsSeenAsync(after.Id));
        Assert.False((await Reader.FindAsync(Slug))!.WasEdited);
    }

    [Fact]
    public async Task ChangedBytes_WithTheSameContent_KeepNoVersion()
    {
        store.Source.Write(File, Original);
        await IngestAsync();

        // An attachment, an honorific, the body's line breaks and spacing: the file changed, the content did not.
        store.Source.Write(File, Original with
        {
            Ministers = ["Rt Hon Grant Robertson", "Hon Jacinda Ardern"],
            Attachments = ["https://www.beehive.govt.nz/sites/default/files/budget.pdf"],
            Body = "The Budget  will be delivered\non 14 May.\n\n\nIt will focus on   wellbeing.",
        });
        var (report, _) = await IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(["https://www.beehive.govt.nz/sites/default/files/budget.pdf"], (await ReleaseRowAsync()).Attachments);
        Assert.Empty(await VersionRowsAsync());
        Assert.Null((await ReleaseRowAsync()).RevisedAt);
    }

    [Fact]
    public async Task TwoSuccessiveEdits_KeepTwoVersions_InOrder()
    {
        store.Source.Write(File, Original);
        var (_, first) = await IngestAsync();
        store.Source.Write(File, Original with { Title = "Budget day confirmed" });
        var (_, second) = await IngestAsync();
        var (_, secondSeenAgain) = await IngestAsync();
        store.Source.Write(File, Original with { Title = "Budget day moved" });
        var (_, third) = await IngestAsync();

        var rows = await VersionRowsAsync();
        Assert.Equal(["Budget day announced", "Budget day confirmed"], rows.Select(v => v.Title));
        Assert.Equal([(first, first), (second, secondSeenAgain)], rows.Select(v => (v.FirstSeenAt, v.LastSeenAt)));

        var history = await Reader.FindAsync(Slug);
        Assert.Equal(["Budget day announced", "Budget day confirmed", "Budget day moved"], history!.Versions.Select(v => v.Content.Title));
        Assert.Equal([1, 2, 3], history.Versions.Select(v => v.Number));
        Assert.Equal(third, history.Current.FirstSeen);
        Assert.Equal([first, second, third], await Reader.VersionsSeenAsync(history.ReleaseId));
    }

    [Fact]
    public async Task AWithdrawnReleaseThatReturnsChanged_KeepsTheVersionLastSeenBeforeItWasWithdrawn()
    {
        store.Source.Write(File, Original);
        var (_, first) = await IngestAsync();
        var (_, lastSeen) = await IngestAsync();
        store.Source.Delete(File);
        store.Source.Write("2020/01/other.md", "Another release");
        Assert.Equal(1, (await IngestAsync()).Report.Removed);

        store.Source.Write(File, Original with { Body = "The Budget will be delivered on 21 May." });
        var (report, back) = await IngestAsync();

        Assert.Equal(1, report.Updated);
        var kept = Assert.Single(await VersionRowsAsync());
        Assert.Equal((first, lastSeen), (kept.FirstSeenAt, kept.LastSeenAt));
        var release = await ReleaseRowAsync();
        Assert.Null(release.RemovedAt);
        Assert.Equal(back, release.RevisedAt);
    }

    [Fact]
    public async Task AWithdrawnReleaseThatReturnsUnchanged_KeepsNoVersion()
    {
        store.Source.Write(File, Original);
        await IngestAsync();
        store.Source.Delete(File);
        store.Source.Write("2020/01/other.md", "Another release");
        await IngestAsync();
        store.Source.Write(File, Original);

        await IngestAsync();

        Assert.Empty(await VersionRowsAsync());
        Assert.Null((await ReleaseRowAsync()).RemovedAt);
    }

    [Fact]
    public async Task Reader_KnowsNoUnknownOrUnsafeSlug()
    {
        store.Source.Write(File, Original);
        await IngestAsync();

        Assert.Null(await Reader.FindAsync("no-such-release"));
        Assert.Null(await Reader.FindAsync("../budget-day"));
    }
}

public sealed class ReleaseRevisionsOnSqliteTests() : ReleaseRevisionsTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ReleaseRevisionsOnPostgreSqlTests() : ReleaseRevisionsTests(StoreProvider.PostgreSql);
