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
/// (its change sequence is above the highest in <see cref="ReleaseSignature"/>) gets a fresh MinHash signature of
/// its word shingles; all stored signatures go into an LSH band table; each changed release's candidates are
/// compared exactly (the share of each one's shingles found in the other); and the pairs that involve a changed
/// release are replaced, in one transaction. Nothing changed: two indexed lookups and nothing else. A removed
/// release loses its pairs. An ingest stopped before this step leaves its releases above the mark, so the next
/// one picks them up, as it does every release of a store from before this table existed.
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
        var followedTo = await db.ReleaseSignatures.MaxAsync(s => (long?)s.ChangeSeq, cancellationToken) ?? 0;
        if (!await db.Releases.AnyAsync(r => r.ChangeSeq > followedTo, cancellationToken))
        {
            return new ReannouncementRefresh(0, 0, 0, stopwatch.Elapsed);
        }

        var kept = new Dictionary<int, ulong[]>();
        var changed = await SignChangedAsync(db, followedTo, kept, cancellationToken);
        var fresh = changed.Where(c => c.Signature is not null).ToList();
        var stored = await StoredSignaturesAsync(db, followedTo, cancellationToken);
        var bands = new LshBands(ReannouncementRules.Bands, ReannouncementRules.Rows, stored.Count + fresh.Count);
        foreach (var (id, signature) in stored)
        {
            bands.Add(id, signature);
        }

        foreach (var release in fresh)
        {
            bands.Add(release.Id, release.Signature);
        }

        bands.Seal();
        var candidates = bands.CandidatePairs(fresh.Select(r => r.Id).ToHashSet());
        var pairs = await CompareAsync(db, candidates, kept, cancellationToken);
        await SaveAsync(db, changed, pairs, firstLook: followedTo == 0, cancellationToken);
        // Each pair is two rows, one from each side.
        var refresh = new ReannouncementRefresh(changed.Count, fresh.Count, pairs.Count / 2, stopwatch.Elapsed);
        logger.LogInformation(
            "Re-announcements: {Changed} changed releases, {Signed} compared, {Candidates} candidate pairs, {Pairs} pairs, in {Elapsed}",
            refresh.Changed, refresh.Signed, candidates.Count, refresh.Pairs, refresh.Elapsed);
        return refresh;
    }

    /// <summary>Every release changed since <paramref name="followedTo"/>, signed when current and long enough.</summary>
    private static async Task<List<ChangedRelease>> SignChangedAsync(
        PressReleasesDbContext db, long followedTo, Dictionary<int, ulong[]> kept, CancellationToken cancellationToken)
    {
        var changed = new List<ChangedRelease>();
        var batch = new List<(int Id, long ChangeSeq, string? Body)>(Chunk);
        var keptShingles = 0;

        void SignBatch()
        {
            var signed = new ChangedRelease[batch.Count];
            var shingles = new ulong[batch.Count][];
            // Shingling and hashing are most of the cost of a first ingest's look, and each release is independent.
            Parallel.For(0, batch.Count, i =>
            {
                var (id, changeSeq, body) = batch[i];
                shingles[i] = body is null ? [] : Shingles.Of(body);
                signed[i] = new ChangedRelease(id, changeSeq, shingles[i].Length, shingles[i].Length >= ReannouncementRules.MinShingles ? MinHash.Of(shingles[i]) : null);
            });
            changed.AddRange(signed);
            for (var i = 0; i < batch.Count && keptShingles < KeptShinglesBudget; i++)
            {
                if (signed[i].Signature is not null)
                {
                    kept[signed[i].Id] = shingles[i];
                    keptShingles += shingles[i].Length;
                }
            }

            batch.Clear();
        }

        var rows = db.Releases.AsNoTracking()
            .Where(r => r.ChangeSeq > followedTo)
            .Select(r => new { r.Id, r.ChangeSeq, Body = r.RemovedAt == null ? r.BodyText : null })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add((row.Id, row.ChangeSeq, row.Body));
            if (batch.Count == Chunk)
            {
                SignBatch();
            }
        }

        SignBatch();
        return changed;
    }

    /// <summary>The signatures of the current releases that did not change: those at or below the mark with text enough to compare.</summary>
    private static async Task<List<(int Id, uint[] Signature)>> StoredSignaturesAsync(PressReleasesDbContext db, long followedTo, CancellationToken cancellationToken)
    {
        var stored = new List<(int, uint[])>();
        var rows = db.ReleaseSignatures.AsNoTracking()
            .Where(s => s.ChangeSeq <= followedTo && s.ShingleCount >= ReannouncementRules.MinShingles)
            .Select(s => new { s.ReleaseId, s.MinHash })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // A signature of another scheme compares with nothing; a change of scheme empties the table (docs/reannouncements.md).
            if (MinHash.FromBytes(row.MinHash) is { } signature)
            {
                stored.Add((row.ReleaseId, signature));
            }
        }

        return stored;
    }

    /// <summary>Compares each candidate pair exactly, by the shingles of both texts; keeps those that overlap enough.</summary>
    private static async Task<List<Reannouncement>> CompareAsync(
        PressReleasesDbContext db, HashSet<(int A, int B)> candidates, Dictionary<int, ulong[]> shingles, CancellationToken cancellationToken)
    {
        var missing = candidates.SelectMany(c => new[] { c.A, c.B }).Where(id => !shingles.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(Chunk))
        {
            var bodies = await db.Releases.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.BodyText }).ToListAsync(cancellationToken);
            foreach (var body in bodies)
            {
                shingles[body.Id] = Shingles.Of(body.BodyText);
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
    /// first look (no signature stored) every release has changed: the pairs are simply emptied.
    /// </summary>
    private static async Task SaveAsync(PressReleasesDbContext db, List<ChangedRelease> changed, List<Reannouncement> pairs, bool firstLook, CancellationToken cancellationToken)
    {
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
                await db.ReleaseSignatures.Where(s => chunk.Contains(s.ReleaseId)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        using (var signatures = new RowInserter<ReleaseSignature>(db))
        {
            foreach (var release in changed)
            {
                await signatures.InsertAsync(
                    new ReleaseSignature
                    {
                        ReleaseId = release.Id,
                        ChangeSeq = release.ChangeSeq,
                        ShingleCount = release.ShingleCount,
                        MinHash = release.Signature is null ? [] : MinHash.ToBytes(release.Signature),
                    },
                    cancellationToken);
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

    /// <param name="Signature">Null for a removed release or one with too little text.</param>
    private sealed record ChangedRelease(int Id, long ChangeSeq, int ShingleCount, uint[]? Signature);
}
