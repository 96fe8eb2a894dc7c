using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// A searcher borrowed from the index's <see cref="SearcherManager"/>: the point-in-time view it gives stays
/// open (its files undeleted) until the lease is disposed, so hold it with <c>using</c> for exactly as long
/// as the search, its paging and its stored-field reads take. Disposing twice returns it once.
/// </summary>
public sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager manager;
    private IndexSearcher? searcher;

    internal SearcherLease(SearcherManager manager)
    {
        this.manager = manager;
        searcher = manager.Acquire();
    }

    public IndexSearcher Searcher => searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public IndexReader Reader => Searcher.IndexReader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref searcher, null) is { } returned)
        {
            manager.Release(returned);
        }
    }
}
