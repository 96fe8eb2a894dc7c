using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Reannouncements;

/// <summary>
/// The detector as the ingest runs it, on a real store: pairs found, kept current by re-ingests, dropped with a
/// removed release, and nothing computed again for files that did not change. Texts are made up so that the expected
/// shares can be counted: n words give n − 4 five-word runs.
/// </summary>
public abstract class ReannouncementDetectorTests(StoreProvider provider) : IAsyncLifetime
{
    // "first": 200 words. "again": its first 180 words and 60 of its own, so 176 runs are shared;
    // first has 196 runs (176/196 in again), again 236 (176/236 in first).
    private static readonly string First = Prose.Words(1, 200);
    private static readonly string Again = Prose.Words(1, 180) + " " + Prose.Words(2, 60);
    private static readonly string Unrelated = Prose.Words(3, 200);

    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(provider);
        store.Source.Write("first.md", "First", date: "2020-01-10", body: First);
        store.Source.Write("again.md", "Again", date: "2020-03-01", body: Again);
        store.Source.Write("unrelated.md", "Unrelated", date: "2020-02-01", body: Unrelated);
        // Identical, but too short to say one repeats the other.
        store.Source.Write("short-a.md", "Short A", body: "See the attached statement from the Minister.");
        store.Source.Write("short-b.md", "Short B", body: "See the attached statement from the Minister.");
        await store.IngestAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ANearDuplicate_IsLinkedBothWays_WithTheShareOfEachText()
    {
        Assert.Equal(
            [("again", "first", 176.0 / 236), ("first", "again", 176.0 / 196)],
            await PairsAsync());
    }

    [Fact]
    public async Task AnEditedRelease_ItsPairsFollowTheEdit()
    {
        store.Source.Write("again.md", "Again", date: "2020-03-01", body: Prose.Words(4, 200));
        await store.IngestAsync();

        Assert.Empty(await PairsAsync());

        // Now it repeats the unrelated release's text word for word.
        store.Source.Write("again.md", "Again", date: "2020-03-01", body: Unrelated);
        await store.IngestAsync();

        Assert.Equal([("again", "unrelated", 1.0), ("unrelated", "again", 1.0)], await PairsAsync());
    }

    [Fact]
    public async Task ARemovedRelease_LosesItsPairs_AndGetsThemBackWhenItsFileReturns()
    {
        store.Source.Delete("again.md");
        await store.IngestAsync();

        Assert.Empty(await PairsAsync());
        var signature = (await SignaturesAsync())["again"];
        Assert.Equal((0, 0), (signature.ShingleCount, signature.MinHash.Length));

        store.Source.Write("again.md", "Again", date: "2020-03-01", body: Again);
        await store.IngestAsync();

        Assert.Equal(2, (await PairsAsync()).Count);
    }

    [Fact]
    public async Task AnUnchangedReingest_ComputesNothing_AndAChangeRecomputesOnlyThatRelease()
    {
        // A mark no computation writes: a row computed again loses it.
        await using (var db = store.NewDb())
        {
            await db.ReleaseSignatures.Where(s => s.ReleaseId == db.Releases.Single(r => r.Slug == "first").Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ShingleCount, -1));
        }

        var before = await SignaturesAsync();
        await store.IngestAsync();

        Assert.Equal(Described(before), Described(await SignaturesAsync()));
        var refresh = await new ReannouncementDetector(store.DbFactory, NullLogger.Instance).RefreshAsync(CancellationToken.None);
        Assert.Equal((0, 0), (refresh.Changed, refresh.Signed));

        store.Source.Write("unrelated.md", "Unrelated", date: "2020-02-01", body: Prose.Words(5, 200));
        await store.IngestAsync();

        var after = await SignaturesAsync();
        Assert.Equal(-1, after["first"].ShingleCount);
        Assert.Equal(["unrelated"], after.Where(s => before[s.Key].ChangeSeq != s.Value.ChangeSeq).Select(s => s.Key));
        Assert.NotEqual(before["unrelated"].MinHash, after["unrelated"].MinHash);
        Assert.Equal(2, (await PairsAsync()).Count);
    }

    [Fact]
    public async Task AStoreFromBeforeTheDetector_IsCaughtUpByItsNextIngest()
    {
        // What the migration leaves: the tables, empty.
        await using (var db = store.NewDb())
        {
            await db.Reannouncements.ExecuteDeleteAsync();
            await db.ReleaseSignatures.ExecuteDeleteAsync();
        }

        var report = await store.IngestAsync();

        Assert.Equal(5, report.Unchanged);
        Assert.Equal(5, (await SignaturesAsync()).Count);
        Assert.Equal(2, (await PairsAsync()).Count);
    }

    [Fact]
    public async Task ShortBodies_AreNotCompared()
    {
        var signatures = await SignaturesAsync();

        Assert.Empty(signatures["short-a"].MinHash);
        Assert.InRange(signatures["short-a"].ShingleCount, 1, ReannouncementRules.MinShingles - 1);
        Assert.DoesNotContain(await PairsAsync(), p => p.Release.StartsWith("short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignaturesWrittenAtIngest_AreThoseComputedFromTheStoredText()
    {
        // Markdown, capitals, punctuation and letters outside ASCII: the rendered text the workers sign must be the
        // text the store gives back, word for word.
        var marked = "## Te Tiriti\n\nThe **Māori** Affairs Minister, Hon. Ōtaki-Smith, said today: \"Kia ora!\" " + Prose.Words(6, 40)
            + "\n\n* Ngā mihi — MĀORI — naïve café\n* " + Prose.Words(7, 30);
        store.Source.Write("marked.md", "Marked", date: "2020-04-01", body: marked);
        store.Source.Write("marked-again.md", "Marked again", date: "2020-04-02", body: marked + "\n\nContact: 04 555 0100");
        await store.IngestAsync();
        var atIngest = await SignaturesAsync();
        var pairsAtIngest = await PairsAsync();

        await using (var db = store.NewDb())
        {
            var fromStoredText = (await db.Releases.AsNoTracking().Select(r => new { r.Id, r.Slug, r.ChangeSeq, r.BodyText }).ToListAsync())
                .ToDictionary(r => r.Slug, r => TextSignature.Of(r.BodyText).ToRow(r.Id, r.ChangeSeq));
            Assert.Equal(Described(fromStoredText), Described(atIngest));
        }

        // The same again from the detector's own signing, as for a store from before the ingest signed anything.
        await using (var db = store.NewDb())
        {
            await db.Reannouncements.ExecuteDeleteAsync();
            await db.ReleaseSignatures.ExecuteDeleteAsync();
        }

        var refresh = await new ReannouncementDetector(store.DbFactory, NullLogger.Instance).RefreshAsync(CancellationToken.None);

        Assert.Equal(7, refresh.Changed);
        Assert.Equal(Described(atIngest), Described(await SignaturesAsync()));
        Assert.Equal(pairsAtIngest, await PairsAsync());
        Assert.Contains(("marked", "marked-again", 1.0), pairsAtIngest);
    }

    [Fact]
    public async Task AnIngestStoppedBeforeTheDetector_ItsSignaturesAreTakenUpByTheNextLook_UnlessTheReleaseChangedSince()
    {
        // What an ingest stopped after its store batches leaves: releases above the mark, their pairs not yet
        // replaced, and the rows it wrote pending (negative). A shingle count no computation gives marks a row taken as
        // it is; "first" has a pending row of an older change, which must be computed again.
        await using (var db = store.NewDb())
        {
            var seq = await db.Releases.MaxAsync(r => r.ChangeSeq);
            var again = await db.Releases.SingleAsync(r => r.Slug == "again");
            var first = await db.Releases.SingleAsync(r => r.Slug == "first");
            await db.Releases.Where(r => r.Id == again.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.ChangeSeq, seq + 1));
            await db.Releases.Where(r => r.Id == first.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.ChangeSeq, seq + 3));
            await db.ReleaseSignatures.Where(s => s.ReleaseId == again.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ChangeSeq, -(seq + 1)).SetProperty(s => s.ShingleCount, 999));
            await db.ReleaseSignatures.Where(s => s.ReleaseId == first.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ChangeSeq, -(seq + 2)).SetProperty(s => s.ShingleCount, 999));
            await db.Reannouncements.ExecuteDeleteAsync();
        }

        var refresh = await new ReannouncementDetector(store.DbFactory, NullLogger.Instance).RefreshAsync(CancellationToken.None);

        Assert.Equal((2, 2, 1), (refresh.Changed, refresh.Signed, refresh.Pairs));
        var signatures = await SignaturesAsync();
        await using (var db = store.NewDb())
        {
            var seqs = await db.Releases.ToDictionaryAsync(r => r.Slug, r => r.ChangeSeq);
            Assert.Equal((seqs["again"], 999), (signatures["again"].ChangeSeq, signatures["again"].ShingleCount));
            Assert.Equal((seqs["first"], 196), (signatures["first"].ChangeSeq, signatures["first"].ShingleCount));
        }

        Assert.DoesNotContain(signatures.Values, s => s.ChangeSeq < 0);
        Assert.Equal(2, (await PairsAsync()).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BandsTakenOneAtATime_FindTheSamePairs_AsAllAtOnce(bool signedAtIngest)
    {
        // "again" changed since the last look, signed at ingest (a pending row) or not at all (no row, as in a
        // store from before the detector); "first" is unchanged, so its stored signature must be read in every pass.
        await using (var db = store.NewDb())
        {
            var seq = await db.Releases.MaxAsync(r => r.ChangeSeq);
            var again = await db.Releases.SingleAsync(r => r.Slug == "again");
            await db.Releases.Where(r => r.Id == again.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.ChangeSeq, seq + 1));
            var row = db.ReleaseSignatures.Where(s => s.ReleaseId == again.Id);
            await (signedAtIngest
                ? row.ExecuteUpdateAsync(set => set.SetProperty(s => s.ChangeSeq, -(seq + 1)))
                : row.ExecuteDeleteAsync());
            await db.Reannouncements.ExecuteDeleteAsync();
        }

        // A table of one entry holds one band of one release at most: a pass per band.
        var refresh = await new ReannouncementDetector(store.DbFactory, NullLogger.Instance, bandTableEntries: 1).RefreshAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1, ReannouncementRules.Bands), (refresh.Changed, refresh.Signed, refresh.Pairs, refresh.BandPasses));
        Assert.Equal(
            [("again", "first", 176.0 / 236), ("first", "again", 176.0 / 196)],
            await PairsAsync());
    }

    private async Task<List<(string Release, string Other, double Share)>> PairsAsync()
    {
        await using var db = store.NewDb();
        var rows = await (
            from pair in db.Reannouncements
            join release in db.Releases on pair.ReleaseId equals release.Id
            join other in db.Releases on pair.OtherId equals other.Id
            select new { Release = release.Slug, Other = other.Slug, pair.Share })
            .ToListAsync();
        return [.. rows.Select(r => (r.Release, r.Other, r.Share)).Order()];
    }

    private async Task<Dictionary<string, ReleaseSignature>> SignaturesAsync()
    {
        await using var db = store.NewDb();
        return await (
            from signature in db.ReleaseSignatures.AsNoTracking()
            join release in db.Releases on signature.ReleaseId equals release.Id
            select new { release.Slug, signature })
            .ToDictionaryAsync(r => r.Slug, r => r.signature);
    }

    private static List<string> Described(Dictionary<string, ReleaseSignature> signatures) =>
        [.. signatures.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value.ChangeSeq} {s.Value.ShingleCount} {Convert.ToHexString(s.Value.MinHash)}")];
}

public sealed class ReannouncementDetectorOnSqliteTests() : ReannouncementDetectorTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ReannouncementDetectorOnPostgreSqlTests() : ReannouncementDetectorTests(StoreProvider.PostgreSql);
