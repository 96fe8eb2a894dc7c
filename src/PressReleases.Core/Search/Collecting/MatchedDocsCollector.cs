using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Keeps every hit's document number, by segment, beside that segment's <see cref="SegmentFacets"/>: what is
/// counted over the hits (months, the names with most releases and then each of their months) is decided only
/// after the search, from the flat arrays, with no stored document read. An int per hit: 55,000 releases are
/// about 220 kB.
/// </summary>
internal sealed class MatchedDocsCollector : ICollector
{
    private readonly List<SegmentHits> segments = [];
    private List<int>? current;

    public int TotalHits { get; private set; }

    public IReadOnlyList<SegmentHits> Segments => segments;

    /// <summary>The order does not matter here, but in-order scoring spares Lucene's bucket scorer (see SearchService.TopCollector).</summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        current = [];
        segments.Add(new SegmentHits(SegmentFacets.For(context.AtomicReader), current));
    }

    public void Collect(int doc)
    {
        current!.Add(doc);
        TotalHits++;
    }
}

/// <summary>The hits of one segment (segment-relative document numbers) and the segment's doc-value arrays.</summary>
internal sealed record SegmentHits(SegmentFacets Facets, IReadOnlyList<int> Docs);
