using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Store;

namespace PressReleases.Core.Reannouncements;

/// <summary>What one look for re-announcements did.</summary>
/// <param name="Changed">Releases changed (added, edited, removed) since the detector last looked.</param>
/// <param name="Signed">Of those, the current ones with enough text to compare, whose signatures were computed.</param>
/// <param name="Pairs">Pairs found that involve a changed release.</param>
public sealed record ReannouncementRefresh(int Changed, int Signed, int Pairs, TimeSpan Elapsed);

/// <summary>
/// Keeps the store's re-announcement pairs current, after each ingest: every release changed since the last look
/// (its change sequence is above the highest in <see cref="ReleaseSignature"/>, the mark) has its MinHash signature
/// taken from the row the ingest wrote with it (<see cref="PendingSignatures"/>) or, when there is none, computed
/// from its stored body; all current signatures go into an LSH band table; each changed release's candidates are
/// compared exactly (the share of each one's shingles found in the other); and the pairs that involve a changed
/// release are replaced, with the changed releases' signature rows, in one transaction that also moves the mark past
/// them. Nothing changed: two indexed lookups and nothing else. A removed release loses its pairs. An ingest stopped
/// before this step leaves its releases above the mark, so the next one picks them up, as it does every release of a
/// store from before this table existed.
/// </summary>
internal sealed class ReannouncementDetector(IDbContextFactory<PressReleasesDbContext> dbFactory, ILogger logger)
{
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

        var (changed, stored) = await ReadSignaturesAsync(db, followedTo, cancellationToken);
        var kept = new Dictionary<int, ulong[]>();
        await SignFromBodiesAsync(db, changed, kept, cancellationToken);
        var fresh = changed.Where(c => c.Text!.Signature is not null).ToList();
        var bands = new LshBands(ReannouncementRules.Bands, ReannouncementRules.Rows, stored.Count + fresh.Count);
        foreach (var (id, signature) in stored)
        {
            bands.Add(id, signature);
        }

        foreach (var release in fresh)
        {
            bands.Add(release.Id, release.Text!.Signature);
        }

        bands.Seal();
        var candidates = bands.CandidatePairs(fresh.Select(r => r.Id).ToHashSet());
        var pairs = await CompareAsync(db, candidates, kept, cancellationToken);
        await SaveAsync(db, changed, pairs, firstLook: followedTo == 0, cancellationToken);
        // Each pair is two rows, one from each side.
        var refresh = new ReannouncementRefresh(changed.Count, fresh.Count, pairs.Count / 2, stopwatch.Elapsed);
        logger.LogInformation(
            "Re-announcements: {Changed} changed releases ({Pending} signed at ingest), {Signed} compared, {Candidates} candidate pairs, {Pairs} pairs, in {Elapsed}",
            refresh.Changed, changed.Count(c => c.SignedAtIngest), refresh.Signed, candidates.Count, refresh.Pairs, refresh.Elapsed);
        return refresh;
    }

    /// <summary>
    /// The releases changed since <paramref name="followedTo"/>, with the signature the ingest wrote for each when it
    /// is of the release's current text (the rest are signed by <see cref="SignFromBodiesAsync"/>), and the signatures
    /// of the current releases that did not change: those at or below the mark with text enough to compare. Neither
    /// query touches a release's row: ids and sequences come from the sequence index, removals from the removal index.
    /// </summary>
    private static async Task<(List<ChangedRelease> Changed, List<(int Id, uint[] Signature)> Stored)> ReadSignaturesAsync(
        PressReleasesDbContext db, long followedTo, CancellationToken cancellationToken)
    {
        var changedSeqs = await db.Releases.AsNoTracking().Where(r => r.ChangeSeq > followedTo)
            .Select(r => new { r.Id, r.ChangeSeq }).ToDictionaryAsync(r => r.Id, r => r.ChangeSeq, cancellationToken);
        var removed = (await db.Releases.AsNoTracking().Where(r => r.RemovedAt != null).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();

        var pending = new Dictionary<int, TextSignature>();
        var stored = new List<(int, uint[])>();
        var rows = db.ReleaseSignatures.AsNoTracking()
            .Select(s => new { s.ReleaseId, s.ChangeSeq, s.ShingleCount, s.MinHash })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // A signature of another scheme compares with nothing; a change of scheme empties the table (docs/reannouncements.md).
            var signature = MinHash.FromBytes(row.MinHash);
            if (changedSeqs.TryGetValue(row.ReleaseId, out var changeSeq))
            {
                var usable = signature is not null || row.ShingleCount < ReannouncementRules.MinShingles;
                if (PendingSignatures.IsPendingFor(row.ChangeSeq, changeSeq) && usable)
                {
                    pending[row.ReleaseId] = new TextSignature(row.ShingleCount, signature);
                }
            }
            else if (row.ChangeSeq > 0 && row.ShingleCount >= ReannouncementRules.MinShingles && signature is not null)
            {
                stored.Add((row.ReleaseId, signature));
            }
        }

        var changed = changedSeqs.Select(c => removed.Contains(c.Key)
                ? new ChangedRelease(c.Key, c.Value, TextSignature.Removed, SignedAtIngest: false)
                : new ChangedRelease(c.Key, c.Value, pending.GetValueOrDefault(c.Key), SignedAtIngest: pending.ContainsKey(c.Key)))
            .ToList();
        return (changed, stored);
    }

    /// <summary>Signs, from their stored bodies, the changed releases the ingest did not sign (a store from before it, or an upgrade).</summary>
    private static async Task SignFromBodiesAsync(
        PressReleasesDbContext db, List<ChangedRelease> changed, Dictionary<int, ulong[]> kept, CancellationToken cancellationToken)
    {
        var unsigned = changed.Where(c => c.Text is null).ToList();
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
                chunk[i].Text = TextSignature.Of(shingles[i]);
            });
            for (var i = 0; i < chunk.Length && keptShingles < KeptShinglesBudget; i++)
            {
                if (chunk[i].Text!.Signature is not null)
                {
                    kept[chunk[i].Id] = shingles[i];
                    keptShingles += shingles[i].Length;
                }
            }
        }
    }

    /// <summary>Compares each candidate pair exactly, by the shingles of both texts; keeps those that overlap enough.</summary>
    private static async Task<List<Reannouncement>> CompareAsync(
        PressReleasesDbContext db, HashSet<(int A, int B)> candidates, Dictionary<int, ulong[]> shingles, CancellationToken cancellationToken)
    {
        var missing = candidates.SelectMany(c => new[] { c.A, c.B }).Where(id => !shingles.ContainsKey(id)).Distinct().ToList();
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
        foreach (var (a, b) in candidates)
        {
            var (mine, theirs) = (shingles[a], shingles[b]);
            var shared = Shingles.CountShared(mine, theirs);
            var (shareOfA, shareOfB) = (shared / (double)mine.Length, shared / (double)theirs.Length);
            if (Math.Max(shareOfA, shareOfB) >= ReannouncementRules.MinShare)
            {
                pairs.Add(new Reannouncement { ReleaseId = a, OtherId = b, Share = shareOfA });
                pairs.Add(new Reannouncement { ReleaseId = b, OtherId = a, Share = shareOfB });
            }
        }

        return pairs;
    }

    /// <summary>
    /// Replaces the changed releases' signatures and every pair that involves one of them, in one transaction. On the
    /// first look (no signature followed yet) every release has changed: the pairs are simply emptied. Signatures the
    /// ingest wrote stay where they are and only lose their pending sign, which moves the mark past them.
    /// </summary>
    private static async Task SaveAsync(PressReleasesDbContext db, List<ChangedRelease> changed, List<Reannouncement> pairs, bool firstLook, CancellationToken cancellationToken)
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
                await signatures.InsertAsync(release.Text!.ToRow(release.Id, release.ChangeSeq), cancellationToken);
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

    /// <param name="Text">Null until signed from the stored body; <see cref="TextSignature.Removed"/> for a removed release.</param>
    /// <param name="SignedAtIngest">The ingest wrote this signature with the release (a pending row, kept as it is).</param>
    private sealed record ChangedRelease(int Id, long ChangeSeq, TextSignature? Text, bool SignedAtIngest)
    {
        public TextSignature? Text { get; set; } = Text;
    }
}
