using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Hosting;
using PressReleases.Core.Store;

namespace PressReleases.Core.Search.Indexing;

public sealed record IndexSyncReport(bool Rebuilt, int Indexed, int Deleted, TimeSpan Elapsed);

/// <summary>What one look at the store found: how far the store has got, and what the index took from it.</summary>
public sealed record IndexCatchUp(StoreVersion Store, bool Rebuilt, int Indexed, int Deleted)
{
    public bool ChangedIndex => Rebuilt || Indexed > 0 || Deleted > 0;
}

/// <summary>
/// Keeps the index derived from the store. Every store change carries a change sequence; the index
/// commit records the last one it reflects. Catching up replays only newer changes (after a crash, an
/// ingest cut short, or another process's ingest); a rebuild replays everything (a new, damaged or outdated
/// index, counts that disagree, or an index so far behind that most of it would be replayed anyway).
/// Rebuilds and replays tell <paramref name="bulkWork"/> (when given) while they run; a look or a start that finds the
/// index current does not.
/// </summary>
public sealed class IndexSynchronizer(IDbContextFactory<PressReleasesDbContext> dbFactory, SearchIndex index, ILogger<IndexSynchronizer> logger, IBulkWork? bulkWork = null)
{
    private const int ChunkSize = 1000;

    /// <summary>
    /// Past this many changes, an index that more than half of the store has changed since is rebuilt rather than
    /// replayed: the work is about the same, and a rebuilt index holds no deleted documents to skip or merge away.
    /// </summary>
    private const int RebuildWhenBehind = 1000;

    /// <summary>
    /// How many releases are still to be handed to the feeder when it starts its interim commit
    /// (<see cref="IndexFeeder.StartInterimCommit"/>): enough for the indexing threads to go on adding, and so to take
    /// their share of its flush, while it runs.
    /// </summary>
    private const int InterimCommitBeforeEnd = 2 * ChunkSize;

    /// <summary>What the index writer must hold before a replay commits it while its last releases go in (<see cref="IndexFeeder.StartInterimCommit"/>); tests lower it.</summary>
    internal long InterimCommitMinBytes { get; init; } = IndexFeeder.InterimCommitMinBytes;

    public async Task<IndexSyncReport> SyncAsync(CancellationToken cancellationToken = default)
    {
        using var session = await index.BeginWriteAsync(cancellationToken);
        if (index.NeedsRebuild)
        {
            return await RebuildAsync(session, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await StoreIdentity.ReadAsync(db, cancellationToken);
        var builtFrom = index.StoreIdentity;

        if (builtFrom is not null && builtFrom != store)
        {
            // Its change sequences are another store's: replaying this store's changes after them, or even finding
            // the counts equal, would say nothing about what the index holds (a data folder pointed at another
            // database). An index recording no store predates the record and is kept.
            logger.LogWarning("The index was built from another store ({IndexStore}; this store is {Store}); rebuilding the index from the store", builtFrom, store);
            return await RebuildAsync(session, cancellationToken);
        }

        // A rebuild records its store itself; an index kept from here on is this store's.
        session.AdoptStore(store);
        var stopwatch = Stopwatch.StartNew();
        var storeSeq = await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, cancellationToken) ?? 0;
        if (storeSeq < index.CommittedChangeSeq)
        {
            // The store went back in time (restored from a backup): the index holds changes it no longer has.
            logger.LogWarning("The index reflects store change {IndexSeq} but the store's latest is {StoreSeq}; rebuilding the index from the store", index.CommittedChangeSeq, storeSeq);
            return await RebuildAsync(session, cancellationToken);
        }

        // Withdrawn releases are in the index too (marked), so every stored release has its document.
        var stored = await db.Releases.CountAsync(cancellationToken);
        var behind = await db.Releases.CountAsync(r => r.ChangeSeq > index.CommittedChangeSeq, cancellationToken);
        if (behind > RebuildWhenBehind && behind * 2L > stored)
        {
            logger.LogInformation("The index is {Behind} changes behind the store's {Stored} releases; rebuilding it", behind, stored);
            return await RebuildAsync(session, cancellationToken);
        }

        var (indexed, deleted) = (0, 0);
        if (storeSeq > index.CommittedChangeSeq)
        {
            (indexed, deleted) = await ReplayAsync(session, db, index.CommittedChangeSeq, cancellationToken);
            session.Commit(storeSeq);
        }
        else if (builtFrom is null)
        {
            // An index from before indexes recorded their store: committed now, so its next start can tell.
            session.Commit(index.CommittedChangeSeq);
        }

        if (stored != index.DocumentCount)
        {
            logger.LogWarning("The index holds {Indexed} releases but the store {Stored}; rebuilding the index from the store", index.DocumentCount, stored);
            return await RebuildAsync(session, cancellationToken);
        }

        return new IndexSyncReport(false, indexed, deleted, stopwatch.Elapsed);
    }

    /// <summary>
    /// A follower's look at the store: reads how far it has got and, when it is ahead of the index, replays the
    /// changes since the index's last commit and commits. No count check (that is for starts, where a damaged
    /// index is suspected); an index ahead of the store (restored from a backup) is rebuilt. Cheap when nothing
    /// changed: two indexed lookups and no write session.
    /// </summary>
    public async Task<IndexCatchUp> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await StoreVersion.ReadAsync(db, cancellationToken);
        if (version.ChangeSeq == index.CommittedChangeSeq && !index.NeedsRebuild)
        {
            return new IndexCatchUp(version, false, 0, 0);
        }

        using var session = await index.BeginWriteAsync(cancellationToken);
        // Another writer (this process's own ingest) may have brought the index up to date while this one waited.
        var storeSeq = await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, cancellationToken) ?? 0;
        if (index.NeedsRebuild || storeSeq < index.CommittedChangeSeq)
        {
            logger.LogWarning("The index reflects store change {IndexSeq} but the store's latest is {StoreSeq}; rebuilding the index from the store", index.CommittedChangeSeq, storeSeq);
            var rebuilt = await RebuildAsync(session, cancellationToken);
            return new IndexCatchUp(version with { ChangeSeq = storeSeq }, true, rebuilt.Indexed, 0);
        }

        if (storeSeq == index.CommittedChangeSeq)
        {
            return new IndexCatchUp(version with { ChangeSeq = storeSeq }, false, 0, 0);
        }

        var (indexed, deleted) = await ReplayAsync(session, db, index.CommittedChangeSeq, cancellationToken);
        session.Commit(storeSeq);
        return new IndexCatchUp(version with { ChangeSeq = storeSeq }, false, indexed, deleted);
    }

    public async Task<IndexSyncReport> RebuildAsync(CancellationToken cancellationToken = default)
    {
        using var session = await index.BeginWriteAsync(cancellationToken);
        return await RebuildAsync(session, cancellationToken);
    }

    private async Task<IndexSyncReport> RebuildAsync(SearchIndex.WriteSession session, CancellationToken cancellationToken)
    {
        using var room = bulkWork?.Begin();
        var stopwatch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storeSeq = await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, cancellationToken) ?? 0;
        // Whatever store the index came from before, it is this store's now (`reindex` rebuilds without a sync first).
        session.AdoptStore(await StoreIdentity.ReadAsync(db, cancellationToken));
        logger.LogInformation("Rebuilding the search index from the store");
        session.DeleteAll();
        var (indexed, _) = await ReplayAsync(session, db, afterSeq: -1, cancellationToken);
        // Committed as the indexing threads wrote it, one large segment each: searchable now, merged later
        // (MergeIfSplitAsync) by the site, in the background.
        session.Commit(storeSeq);
        logger.LogInformation("Rebuilt the search index: {Count} releases in {Elapsed}", indexed, stopwatch.Elapsed);
        return new IndexSyncReport(true, indexed, 0, stopwatch.Elapsed);
    }

    /// <summary>
    /// Merges the index into one segment when an ingest or a rebuild left it split into large parts (one per
    /// indexing thread), and commits the merged index at the change sequence it already reflects. Ingests and
    /// rebuilds commit without merging, so their releases are searchable (and a command-line run is over) a few
    /// seconds sooner; the merge then costs the site one core for those seconds, after it is ready, instead of
    /// delaying readiness. Searches go on over the split index meanwhile (each costs 13–15 % more CPU than over one
    /// segment, docs/performance.md). Returns whether it merged; an index that is not split is left alone.
    /// </summary>
    public async Task<bool> MergeIfSplitAsync(CancellationToken cancellationToken = default)
    {
        using var session = await index.BeginWriteAsync(cancellationToken);
        using var room = bulkWork?.Begin();
        var stopwatch = Stopwatch.StartNew();
        if (!session.MergeIfSplit())
        {
            return false;
        }

        session.Commit(index.CommittedChangeSeq);
        logger.LogInformation("Merged the split search index into one segment in {Elapsed}", stopwatch.Elapsed);
        return true;
    }

    /// <summary>
    /// Applies every release changed after <paramref name="afterSeq"/> to the index, reading the store in id order a
    /// chunk at a time while the <see cref="IndexFeeder"/> indexes the previous chunks on every core. Each release is
    /// read once (ids only grow from chunk to chunk), so the order in which the feeder's consumers add them does not matter.
    /// A withdrawn release is kept, marked as such (it leaves every list but can be asked for): counted as deleted.
    /// </summary>
    private async Task<(int Indexed, int Deleted)> ReplayAsync(SearchIndex.WriteSession session, PressReleasesDbContext db, long afterSeq, CancellationToken cancellationToken)
    {
        using var room = bulkWork?.Begin();
        var (indexed, deleted, lastId) = (0, 0, 0);
        await using var feeder = new IndexFeeder(session, InterimCommitMinBytes);
        var toReplay = await db.Releases.CountAsync(r => r.ChangeSeq > afterSeq, cancellationToken);
        while (true)
        {
            var releases = await StoredReleases.ReadAsync(
                db, db.Releases.Where(r => r.ChangeSeq > afterSeq && r.Id > lastId).OrderBy(r => r.Id).Take(ChunkSize), cancellationToken);
            if (releases.Count == 0)
            {
                break;
            }

            lastId = releases[^1].Id;
            var withdrawn = releases.Count(r => r.Withdrawn);
            deleted += withdrawn;
            indexed += releases.Count - withdrawn;
            await feeder.AddAsync(releases, cancellationToken);
            if (indexed + deleted >= toReplay - InterimCommitBeforeEnd)
            {
                // The index reflects everything up to afterSeq already (nothing, for a rebuild into an emptied index),
                // so stopping after a commit under it is safe: the catch-up replays the rest.
                feeder.StartInterimCommit(Math.Max(afterSeq, 0));
            }
        }

        await feeder.CompleteAsync();
        return (indexed, deleted);
    }
}
