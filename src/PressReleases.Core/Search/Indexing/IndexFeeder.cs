using System.Threading.Channels;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// Writes batches of releases to the index on consumers of their own, so that analysing for Lucene (the longest
/// stage of an ingest and of a rebuild) overlaps with producing the next batch: the ingest writing it to the store,
/// the rebuild and the catch-up reading it from the store. There is one consumer per processor (Lucene's writer
/// takes documents from several threads at once, each into a segment of its own); the order in which releases
/// reach the index does not matter as long as no release is in two batches of one feeding, since each is one
/// document under its own id. Both producers hand over releases the store has committed, so the index never holds
/// what the store does not. At most two batches wait, which bounds memory and keeps the index close behind the producer.
/// </summary>
internal sealed class IndexFeeder : IAsyncDisposable
{
    /// <summary>
    /// Below this much held in the writer's memory, <see cref="StartInterimCommit"/> makes no commit: the flush it
    /// would share is short, and a commit costs its own writes to disk.
    /// </summary>
    public const long InterimCommitMinBytes = 32L * 1024 * 1024;

    private readonly SearchIndex.WriteSession session;
    private readonly long interimCommitMinBytes;
    private readonly Channel<IReadOnlyList<IndexedRelease>> batches =
        Channel.CreateBounded<IReadOnlyList<IndexedRelease>>(new BoundedChannelOptions(2) { SingleReader = false, SingleWriter = true });

    private readonly Task consumer;
    private Task? interimCommit;

    public IndexFeeder(SearchIndex.WriteSession session, long interimCommitMinBytes = InterimCommitMinBytes)
    {
        this.session = session;
        this.interimCommitMinBytes = interimCommitMinBytes;
        consumer = Task.WhenAll(Enumerable.Range(0, SearchIndex.IndexingThreads).Select(_ => Task.Run(ConsumeAsync)));
    }

    public ValueTask AddAsync(IReadOnlyList<IndexedRelease> batch, CancellationToken cancellationToken) =>
        batches.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>
    /// Starts committing what the writer holds under <paramref name="changeSeq"/> (a change sequence the index
    /// reflects in full without this feeding's releases) on a thread of its own, while the last batches are still to
    /// come (<see cref="SearchIndex.WriteSession.CommitInterim"/>): a commit flushes every consumer's in-memory segment,
    /// and a consumer that adds a document meanwhile takes one of those flushes itself, so they are written side by side
    /// instead of one after another on the final commit's thread, with the other core idle (docs/performance.md,
    /// "Issue #18"). The final commit then flushes only what was added since. Nothing happens when the writer holds
    /// less than <see cref="InterimCommitMinBytes"/>, or after the first call. <see cref="CompleteAsync"/> waits for it.
    /// </summary>
    public void StartInterimCommit(long changeSeq)
    {
        if (interimCommit is not null || session.BufferedBytes < interimCommitMinBytes)
        {
            return;
        }

        interimCommit = Task.Run(() => session.CommitInterim(changeSeq));
    }

    /// <summary>Waits until every batch handed over so far is in the index writer, and any interim commit is made; rethrows a failure of either.</summary>
    public async Task CompleteAsync()
    {
        batches.Writer.TryComplete();
        await Running;
    }

    public async ValueTask DisposeAsync()
    {
        batches.Writer.TryComplete();
        try
        {
            await Running;
        }
        catch (Exception)
        {
            // Disposal after a failed run: the failure was already reported through CompleteAsync or the
            // run's own exception; the index catches up from the store at the next start.
        }
    }

    /// <summary>The consumers and the interim commit, if one was started.</summary>
    private Task Running => Task.WhenAll(consumer, interimCommit ?? Task.CompletedTask);

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync())
            {
                foreach (var release in batch)
                {
                    session.Upsert(release);
                }
            }
        }
        catch (Exception ex)
        {
            // Close the channel with the failure so the producer stops at its next batch instead of
            // waiting for room that will never come.
            batches.Writer.TryComplete(ex);
            throw;
        }
    }
}
