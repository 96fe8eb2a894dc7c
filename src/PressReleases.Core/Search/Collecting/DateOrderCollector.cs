using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Keeps the first <c>size</c> hits in date order (newest or oldest first; releases of one day by id, the
/// same way; undated releases last either way), reading dates and ids from <see cref="SegmentFacets"/>'
/// arrays. Lucene's sorting collector reads them through doc values for every hit, which made the listing
/// with no words (all 55,000 releases, newest first) the slowest page of the site.
/// </summary>
internal sealed class DateOrderCollector(int size, bool newest) : ICollector
{
    /// <summary>Dates are yyyymmdd, so below this; ids are positive ints, so below 2^31.</summary>
    private const long DateLimit = 100_000_000;

    // A min-heap on the order key: its root is the worst hit kept so far.
    private readonly PriorityQueue<int, long> kept = new();
    private int[] dateKeys = [];
    private int[] ids = [];
    private int docBase;

    public int TotalHits { get; private set; }

    /// <summary>
    /// The order kept does not depend on the order documents arrive in, but in-order scoring spares Lucene's
    /// bucket scorer and its 2,048-bucket table per query (see SearchService.TopCollector).
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var facets = SegmentFacets.For(context.AtomicReader);
        dateKeys = facets.DateKeys;
        ids = facets.Ids;
        docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        if (size <= 0)
        {
            return;
        }

        var key = OrderKey(dateKeys[doc], ids[doc]);
        if (kept.Count < size)
        {
            kept.Enqueue(docBase + doc, key);
        }
        else if (kept.TryPeek(out _, out var worst) && key > worst)
        {
            kept.DequeueEnqueue(docBase + doc, key);
        }
    }

    /// <summary>The hits from <paramref name="start"/> (0-based) in order, at most <paramref name="count"/> of them.</summary>
    public TopDocs GetTopDocs(int start, int count)
    {
        var ordered = new ScoreDoc[kept.Count];
        var copy = new PriorityQueue<int, long>(kept.UnorderedItems);
        for (var i = ordered.Length - 1; i >= 0; i--)
        {
            ordered[i] = new ScoreDoc(copy.Dequeue(), float.NaN);
        }

        var page = ordered.Skip(Math.Max(0, start)).Take(Math.Max(0, count)).ToArray();
        return new TopDocs(TotalHits, page, float.NaN);
    }

    /// <summary>Larger is earlier in the list: the date rank in the high bits, the id rank in the low 31.</summary>
    private long OrderKey(int dateKey, int id)
    {
        long dateRank = dateKey <= 0 ? 0 : newest ? dateKey : DateLimit - dateKey;
        long idRank = newest ? id : int.MaxValue - id;
        return (dateRank << 31) | idRank;
    }
}
