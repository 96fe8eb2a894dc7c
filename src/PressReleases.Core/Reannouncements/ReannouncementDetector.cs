using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Store;

namespace PressReleases.Core.Reannouncements;

/// <summary>What one look for re-announcements did.</summary>
/// <param name="Changed">Releases changed (added, edited, removed) since the detector last looked.</param>
/// <param name="Signed">Of those, the current ones with enough text to compare, whose signatures were computed.</param>
/// <param name="Pairs">Pairs found that involve a changed release.</param>
/// <param name="BandPasses">Passes over the stored signatures, each filling a band table with some of the bands.</param>
public sealed record ReannouncementRefresh(int Changed, int Signed, int Pairs, TimeSpan Elapsed, int BandPasses = 0);

/// <summary>
/// Keeps the store's re-announcement pairs current, after each ingest: every release changed since the last look
/// (its change sequence is above the highest in <see cref="ReleaseSignature"/>, the mark) has its MinHash signature
/// taken from the row the ingest wrote with it (<see cref="PendingSignatures"/>) or, when there is none, computed
/// from its stored body; all current signatures go into LSH band tables; each changed release's candidates are
/// compared exactly (the share of each one's shingles found in the other); and the pairs that involve a changed
/// release are replaced, with the changed releases' signature rows, in one transaction that also moves the mark past
/// them. Nothing changed: two indexed lookups and nothing else. A removed release loses its pairs. An ingest stopped
/// before this step leaves its releases above the mark, so the next one picks them up, as it does every release of a
/// store from before this table existed.
/// Signatures are never all held at once: each band table is filled straight from the stored rows, and when the
/// tables of every band would not fit <see cref="bandTableEntries"/>, they are built a few bands at a time, each
/// from its own pass over the rows (docs/reannouncements.md, "Memory").
/// </summary>
/// <param name="bandTableEntries">The most entries (12 bytes each) one band table may hold.</param>
internal sealed class ReannouncementDetector(IDbContextFactory<PressReleasesDbContext> dbFactory, ILogger logger, int bandTableEntries = ReannouncementDetector.DefaultBandTableEntries)
{
    /// <summary>About 100 MB of table: every band of the full corpus (2.3 million entries) in one pass, a million releases in six.</summary>
    public const int DefaultBandTableEntries = 8_400_000;

    private const int Chunk = 500;

    /// <summary>Shingles kept from the signing pass for the exact comparison, so a small change reads no body twice.</summary>
    private const int KeptShinglesBudget = 2_000_000;

    public async Task<ReannouncementRefresh> RefreshAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Pending rows are negative, so they never raise the mark; only they being there (a first ingest stopped
        // before this step) leaves it at 0, where every release is looked at.
        var followedTo = Math.Max(0, await db.ReleaseSignatures.MaxAsync(s => (long?)s.ChangeSeq, cancellationToken) ?? 0);
        if (!await db.Releases.AnyAsync(r => r.ChangeSeq > followedTo, cancellationToken))
        {
            return new ReannouncementRefresh(0, 0, 0, stopwatch.Elapsed);
        }

        var (changed, storedCount) = await ReadChangesAsync(db, followedTo, cancellationToken);
        var kept = new Dictionary<int, ulong[]>();
        await SignFromBodiesAsync(db, changed.Values, kept, cancellationToken);
        var fresh = changed.Values.Where(c => c.Comparable).Select(c => c.Id).ToHashSet();
        var (candidates, passes) = await FindCandidatesAsync(db, changed, fresh, storedCount + fresh.Count, cancellationToken);
        var (pairs, compared) = await CompareAsync(db, candidates, kept, cancellationToken);
        await SaveAsync(db, changed.Values, pairs, firstLook: followedTo == 0, cancellationToken);
        // Each pair is two rows, one from each side.
        var refresh = new ReannouncementRefresh(changed.Count, fresh.Count, pairs.Count / 2, stopwatch.Elapsed, passes);
        logger.LogInformation(
            "Re-announcements: {Changed} changed releases ({Pending} signed at ingest), {Signed} compared, {Candidates} candidate pairs in {Passes} band passes, {Pairs} pairs, in {Elapsed}",
            refresh.Changed, changed.Values.Count(c => c.SignedAtIngest), refresh.Signed, compared, refresh.BandPasses, refresh.Pairs, refresh.Elapsed);
        return refresh;
    }

    /// <summary>
    /// The releases changed since <paramref name="followedTo"/>, each marked signed at ingest when the ingest wrote a
    /// signature of its current text (the rest are signed by <see cref="SignFromBodiesAsync"/>), and how many current
    /// releases that did not change have a signature to compare: those at or below the mark with text enough. Neither
    /// query touches a release's row: ids and sequences come from the sequence index, removals from the removal index.
    /// No signature is kept: <see cref="FindCandidatesAsync"/> reads them again, a band table at a time.
    /// </summary>
    private static async Task<(Dictionary<int, ChangedRelease> Changed, int StoredCount)> ReadChangesAsync(
        PressReleasesDbContext db, long followedTo, CancellationToken cancellationToken)
    {
        var changed = await db.Releases.AsNoTracking().Where(r => r.ChangeSeq > followedTo)
            .Select(r => new { r.Id, r.ChangeSeq }).ToDictionaryAsync(r => r.Id, r => new ChangedRelease(r.Id, r.ChangeSeq), cancellationToken);
        await foreach (var id in db.Releases.AsNoTracking().Where(r => r.RemovedAt != null).Select(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (changed.TryGetValue(id, out var release))
            {
                release.Computed = TextSignature.Removed;
            }
        }

        var storedCount = 0;
        await foreach (var row in SignatureRows(db).WithCancellation(cancellationToken))
        {
            // A signature of another scheme compares with nothing; a change of scheme empties the table (docs/reannouncements.md).
            var current = MinHash.IsCurrent(row.MinHash);
            if (changed.TryGetValue(row.ReleaseId, out var release))
            {
                var usable = current || row.ShingleCount < ReannouncementRules.MinShingles;
                if (release.Computed is null && PendingSignatures.IsPendingFor(row.ChangeSeq, release.ChangeSeq) && usable)
                {
                    release.SignedAtIngest = true;
                    release.ComparableAtIngest = current;
                }
            }
            else if (IsStoredComparable(row))
            {
                storedCount++;
            }
        }

        return (changed, storedCount);
    }

    /// <summary>A signature row of a release that did not change, with text enough to compare and of the current scheme.</summary>
    private static bool IsStoredComparable(SignatureRow row) =>
        row.ChangeSeq > 0 && row.ShingleCount >= ReannouncementRules.MinShingles && MinHash.IsCurrent(row.MinHash);

    private static IAsyncEnumerable<SignatureRow> SignatureRows(PressReleasesDbContext db) =>
        db.ReleaseSignatures.AsNoTracking()
            .Select(s => new SignatureRow(s.ReleaseId, s.ChangeSeq, s.ShingleCount, s.MinHash))
            .AsAsyncEnumerable();

    /// <summary>
    /// Every pair that shares a band and involves a <paramref name="fresh"/> release. The bands are taken as many at a
    /// time as fit <see cref="bandTableEntries"/> for <paramref name="comparable"/> releases; each table is filled from
    /// a pass over the stored signature rows (the changed releases signed at ingest and the unchanged ones) plus the
    /// signatures computed here, then sealed and its buckets kept; one table is made and restarted for each pass.
    /// </summary>
    /// <returns>The candidates, as the buckets of every pass that hold a fresh release.</returns>
    private async Task<(CandidateBuckets Candidates, int Passes)> FindCandidatesAsync(
        PressReleasesDbContext db, Dictionary<int, ChangedRelease> changed, HashSet<int> fresh, int comparable, CancellationToken cancellationToken)
    {
        var candidates = new CandidateBuckets(fresh);
        if (fresh.Count == 0)
        {
            return (candidates, 0);
        }

        var passes = 0;
        var bandsPerPass = Math.Clamp(bandTableEntries / Math.Max(1, comparable), 1, ReannouncementRules.Bands);
        var signature = new uint[MinHash.Length];
        var bands = new LshBands(0, bandsPerPass, ReannouncementRules.Rows, comparable);
        for (var firstBand = 0; firstBand < ReannouncementRules.Bands; firstBand += bandsPerPass)
        {
            bands.Restart(firstBand, Math.Min(bandsPerPass, ReannouncementRules.Bands - firstBand));
            await foreach (var row in SignatureRows(db).WithCancellation(cancellationToken))
            {
                var banded = changed.TryGetValue(row.ReleaseId, out var release)
                    ? release.SignedAtIngest && release.ComparableAtIngest && PendingSignatures.IsPendingFor(row.ChangeSeq, release.ChangeSeq)
                    : IsStoredComparable(row);
                if (banded && MinHash.TryRead(row.MinHash, signature))
                {
                    bands.Add(row.ReleaseId, signature);
                }
            }

            foreach (var computed in changed.Values.Where(c => c.Computed?.Signature is not null))
            {
                bands.Add(computed.Id, computed.Computed!.Signature);
            }

            bands.Seal();
            bands.AddBucketsTo(candidates);
            passes++;
        }

        return (candidates, passes);
    }

    /// <summary>Signs, from their stored bodies, the changed releases the ingest did not sign (a store from before it, or an upgrade).</summary>
    private static async Task SignFromBodiesAsync(
        PressReleasesDbContext db, IEnumerable<ChangedRelease> changed, Dictionary<int, ulong[]> kept, CancellationToken cancellationToken)
    {
        var unsigned = changed.Where(c => !c.SignedAtIngest && c.Computed is null).ToList();
        var keptShingles = 0;
        foreach (var chunk in unsigned.Chunk(Chunk))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var bodies = await db.Releases.AsNoTracking().Where(r => ids.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.BodyText, cancellationToken);
            var shingles = new ulong[chunk.Length][];
            // Shingling and hashing are most of the cost of an upgraded store's first look, and each release is independent.
            Parallel.For(0, chunk.Length, i =>
            {
                shingles[i] = Shingles.Of(bodies[chunk[i].Id]);
                chunk[i].Computed = TextSignature.Of(shingles[i]);
            });
            for (var i = 0; i < chunk.Length && keptShingles < KeptShinglesBudget; i++)
            {
                if (chunk[i].Computed!.Signature is not null)
                {
                    kept[chunk[i].Id] = shingles[i];
                    keptShingles += shingles[i].Length;
                }
            }
        }
    }

    /// <summary>
    /// Compares each candidate pair exactly, by the shingles of both texts; keeps those that overlap enough.
    /// Returns them (each twice, once from each side) and how many distinct pairs were compared.
    /// </summary>
    private static async Task<(List<Reannouncement> Pairs, int Compared)> CompareAsync(
        PressReleasesDbContext db, CandidateBuckets candidates, Dictionary<int, ulong[]> shingles, CancellationToken cancellationToken)
    {
        var missing = candidates.Releases().Where(id => !shingles.ContainsKey(id)).ToList();
        foreach (var chunk in missing.Chunk(Chunk))
        {
            var bodies = await db.Releases.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.BodyText }).ToListAsync(cancellationToken);
            var read = new ulong[bodies.Count][];
            Parallel.For(0, bodies.Count, i => read[i] = Shingles.Of(bodies[i].BodyText));
            for (var i = 0; i < bodies.Count; i++)
            {
                shingles[bodies[i].Id] = read[i];
            }
        }

        var pairs = new List<Reannouncement>();
        var compared = 0;
        foreach (var (a, b) in candidates.Pairs())
        {
            compared++;
            var (mine, theirs) = (shingles[a], shingles[b]);
            var shared = Shingles.CountShared(mine, theirs);
            var (shareOfA, shareOfB) = (shared / (double)mine.Length, shared / (double)theirs.Length);
            if (Math.Max(shareOfA, shareOfB) >= ReannouncementRules.MinShare)
            {
                pairs.Add(new Reannouncement { ReleaseId = a, OtherId = b, Share = shareOfA });
                pairs.Add(new Reannouncement { ReleaseId = b, OtherId = a, Share = shareOfB });
            }
        }

        return (pairs, compared);
    }

    /// <summary>
    /// Replaces the changed releases' signatures and every pair that involves one of them, in one transaction. On the
    /// first look (no signature followed yet) every release has changed: the pairs are simply emptied. Signatures the
    /// ingest wrote stay where they are and only lose their pending sign, which moves the mark past them.
    /// </summary>
    private static async Task SaveAsync(PressReleasesDbContext db, IEnumerable<ChangedRelease> changed, List<Reannouncement> pairs, bool firstLook, CancellationToken cancellationToken)
    {
        var signedHere = changed.Where(c => !c.SignedAtIngest).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (firstLook)
        {
            await db.Reannouncements.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            foreach (var chunk in changed.Select(c => c.Id).Chunk(Chunk))
            {
                await db.Reannouncements.Where(p => chunk.Contains(p.ReleaseId) || chunk.Contains(p.OtherId)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        foreach (var chunk in signedHere.Select(c => c.Id).Chunk(Chunk))
        {
            await db.ReleaseSignatures.Where(s => chunk.Contains(s.ReleaseId)).ExecuteDeleteAsync(cancellationToken);
        }

        // Every pending row left is one taken above: a pending row is written with its release's change, so its
        // release is above the mark, and those whose release changed again since were replaced just now.
        await db.ReleaseSignatures.Where(s => s.ChangeSeq < 0)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ChangeSeq, s => -s.ChangeSeq), cancellationToken);

        using (var signatures = new RowInserter<ReleaseSignature>(db))
        {
            foreach (var release in signedHere)
            {
                await signatures.InsertAsync(release.Computed!.ToRow(release.Id, release.ChangeSeq), cancellationToken);
            }
        }

        using (var inserter = new RowInserter<Reannouncement>(db))
        {
            foreach (var pair in pairs)
            {
                await inserter.InsertAsync(pair, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record SignatureRow(int ReleaseId, long ChangeSeq, int ShingleCount, byte[] MinHash);

    private sealed class ChangedRelease(int id, long changeSeq)
    {
        public int Id { get; } = id;

        public long ChangeSeq { get; } = changeSeq;

        /// <summary>The ingest wrote this release's signature with it (a pending row, kept as it is and read by each band pass).</summary>
        public bool SignedAtIngest { get; set; }

        /// <summary>The pending row has a signature: the body was long enough to compare.</summary>
        public bool ComparableAtIngest { get; set; }

        /// <summary>Signed here from the stored body, or <see cref="TextSignature.Removed"/>; null when signed at ingest or not yet.</summary>
        public TextSignature? Computed { get; set; }

        public bool Comparable => SignedAtIngest ? ComparableAtIngest : Computed?.Signature is not null;
    }
}
