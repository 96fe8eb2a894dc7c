using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Collects the hits for the page and counts facets in the same pass, from doc values (Lucene.Net.Facet
/// is not available). The query it runs under carries the text and date conditions only; the minister and
/// portfolio selections are applied here, "drill sideways": a document that misses only the minister
/// selection still counts towards the minister facet (so other ministers show what they would give), and
/// likewise for portfolios. Within a facet the selection is OR, across facets AND.
/// </summary>
internal sealed class FacetingCollector(ICollector hits, IReadOnlyCollection<string> selectedMinisters, IReadOnlyCollection<string> selectedPortfolios) : ICollector
{
    private readonly Dictionary<string, int> ministerCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> portfolioCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> yearCounts = [];
    private Segment? segment;

    public int TotalHits { get; private set; }

    /// <summary>Documents the query matched, whether or not they passed the selections.</summary>
    public int Visited { get; private set; }

    public IReadOnlyDictionary<string, int> MinisterCounts
    {
        get
        {
            FoldSegment();
            return ministerCounts;
        }
    }

    public IReadOnlyDictionary<string, int> PortfolioCounts
    {
        get
        {
            FoldSegment();
            return portfolioCounts;
        }
    }

    public IReadOnlyDictionary<int, int> YearCounts
    {
        get
        {
            FoldSegment();
            return yearCounts;
        }
    }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FoldSegment();
        hits.SetNextReader(context);
        var facets = SegmentFacets.For(context.AtomicReader);
        segment = new Segment(
            new Dimension(facets.Ministers, selectedMinisters),
            new Dimension(facets.Portfolios, selectedPortfolios),
            facets.DateKeys,
            facets.FirstYear,
            new int[Math.Max(0, facets.LastYear - facets.FirstYear + 1)]);
    }

    public void Collect(int doc)
    {
        var current = segment!;
        Visited++;
        var ministerOk = current.Ministers.Passes(doc);
        var portfolioOk = current.Portfolios.Passes(doc);

        if (ministerOk && portfolioOk)
        {
            hits.Collect(doc);
            TotalHits++;
            current.Ministers.Count(doc);
            current.Portfolios.Count(doc);
            var year = current.DateKeys[doc] / 10000;
            if (year > 0)
            {
                current.YearCounts[year - current.FirstYear]++;
            }
        }
        else if (portfolioOk)
        {
            current.Ministers.Count(doc);
        }
        else if (ministerOk)
        {
            current.Portfolios.Count(doc);
        }
    }

    /// <summary>Turns the finished segment's per-ordinal counts into counts by slug.</summary>
    private void FoldSegment()
    {
        if (segment is null)
        {
            return;
        }

        segment.Ministers.FoldInto(ministerCounts);
        segment.Portfolios.FoldInto(portfolioCounts);
        for (var i = 0; i < segment.YearCounts.Length; i++)
        {
            if (segment.YearCounts[i] > 0)
            {
                var year = segment.FirstYear + i;
                yearCounts[year] = yearCounts.GetValueOrDefault(year) + segment.YearCounts[i];
            }
        }

        segment = null;
    }

    /// <param name="YearCounts">Hits per year of the segment's own span of years, from <paramref name="FirstYear"/>.</param>
    private sealed record Segment(Dimension Ministers, Dimension Portfolios, int[] DateKeys, int FirstYear, int[] YearCounts);

    /// <summary>One facet within one segment: the selected ordinals and the counts per ordinal.</summary>
    private sealed class Dimension
    {
        private readonly SegmentFacets.Dimension values;
        private readonly bool[]? selected;
        private readonly int[] counts;

        public Dimension(SegmentFacets.Dimension values, IReadOnlyCollection<string> selection)
        {
            this.values = values;
            counts = new int[values.Slugs.Length];
            if (selection.Count > 0)
            {
                // A selection naming nothing in this segment lets no document of it through.
                selected = new bool[values.Slugs.Length];
                foreach (var slug in selection)
                {
                    if (values.OrdinalOf(slug) is var ord and >= 0)
                    {
                        selected[ord] = true;
                    }
                }
            }
        }

        /// <summary>True when the document passes this facet's selection (always, with nothing selected).</summary>
        public bool Passes(int doc)
        {
            if (selected is null)
            {
                return true;
            }

            var ordinals = values.Ordinals;
            for (var i = values.Starts[doc]; i < values.Starts[doc + 1]; i++)
            {
                if (selected[ordinals[i]])
                {
                    return true;
                }
            }

            return false;
        }

        public void Count(int doc)
        {
            var ordinals = values.Ordinals;
            for (var i = values.Starts[doc]; i < values.Starts[doc + 1]; i++)
            {
                counts[ordinals[i]]++;
            }
        }

        public void FoldInto(Dictionary<string, int> totals)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var slug = values.Slugs[ord];
                    totals[slug] = totals.GetValueOrDefault(slug) + counts[ord];
                }
            }
        }
    }
}
