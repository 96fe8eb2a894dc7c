using System.Threading.Channels;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Writes batches of releases to the index on consumers of their own, so that analysing for Lucene overlaps
/// with writing the next batch to the store. Indexing is the longest stage of an ingest, so there is one
/// consumer per processor (Lucene's writer takes documents from several threads at once, each into a segment
/// of its own); the order in which releases reach the index does not matter, as each is one document under
/// its own id. Batches arrive only after the store has committed them, so the index still never holds what
/// the store does not. At most two batches wait, which bounds memory and keeps the index close behind the store.
/// </summary>
internal sealed class IndexFeeder : IAsyncDisposable
{
    private readonly SearchIndex.WriteSession session;
    private readonly Channel<IReadOnlyList<IndexedRelease>> batches =
        Channel.CreateBounded<IReadOnlyList<IndexedRelease>>(new BoundedChannelOptions(2) { SingleReader = false, SingleWriter = true });

    private readonly Task consumer;

    public IndexFeeder(SearchIndex.WriteSession session)
    {
        this.session = session;
        consumer = Task.WhenAll(Enumerable.Range(0, SearchIndex.IndexingThreads).Select(_ => Task.Run(ConsumeAsync)));
    }

    public ValueTask AddAsync(IReadOnlyList<IndexedRelease> batch, CancellationToken cancellationToken) =>
        batches.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>Waits until every batch handed over so far is in the index writer; rethrows its failure.</summary>
    public async Task CompleteAsync()
    {
        batches.Writer.TryComplete();
        await consumer;
    }

    public async ValueTask DisposeAsync()
    {
        batches.Writer.TryComplete();
        try
        {
            await consumer;
        }
        catch (Exception)
        {
            // Disposal after a failed run: the failure was already reported through CompleteAsync or the
            // run's own exception; the index catches up from the store at the next start.
        }
    }

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
            // Close the channel with the failure so the store writer stops at its next batch instead of
            // waiting for room that will never come.
            batches.Writer.TryComplete(ex);
            throw;
        }
    }
}
