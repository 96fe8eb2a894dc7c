using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PressReleases.Core.Search;

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
    private readonly List<long> ords = [];
    private Segment? segment;

    public int TotalHits { get; private set; }

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

    public IReadOnlyDictionary<int, int> YearCounts => yearCounts;

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FoldSegment();
        hits.SetNextReader(context);
        var reader = context.AtomicReader;
        segment = new Segment(
            Dimension.Open(reader.GetSortedSetDocValues(IndexFields.Minister), selectedMinisters),
            Dimension.Open(reader.GetSortedSetDocValues(IndexFields.Portfolio), selectedPortfolios),
            reader.GetNumericDocValues(IndexFields.DateValues));
    }

    public void Collect(int doc)
    {
        var current = segment!;
        var ministerOk = current.Ministers.Load(doc, ords, out var ministerStart, out var ministerEnd);
        var portfolioOk = current.Portfolios.Load(doc, ords, out var portfolioStart, out var portfolioEnd);

        if (ministerOk && portfolioOk)
        {
            hits.Collect(doc);
            TotalHits++;
            current.Ministers.Count(ords, ministerStart, ministerEnd);
            current.Portfolios.Count(ords, portfolioStart, portfolioEnd);
            var date = current.Dates?.Get(doc) ?? 0;
            if (date > 0)
            {
                var year = (int)(date / 10000);
                yearCounts[year] = yearCounts.GetValueOrDefault(year) + 1;
            }
        }
        else if (portfolioOk)
        {
            current.Ministers.Count(ords, ministerStart, ministerEnd);
        }
        else if (ministerOk)
        {
            current.Portfolios.Count(ords, portfolioStart, portfolioEnd);
        }

        ords.Clear();
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
        segment = null;
    }

    private sealed record Segment(Dimension Ministers, Dimension Portfolios, NumericDocValues? Dates);

    /// <summary>One facet field within one segment: its doc values, the selected ordinals, counts per ordinal.</summary>
    private sealed class Dimension
    {
        private readonly SortedSetDocValues? values;
        private readonly HashSet<long>? selected;
        private readonly int[] counts;
        private readonly bool anySelected;

        private Dimension(SortedSetDocValues? values, HashSet<long>? selected, bool anySelected)
        {
            this.values = values;
            this.selected = selected;
            this.anySelected = anySelected;
            counts = new int[values?.ValueCount ?? 0];
        }

        public static Dimension Open(SortedSetDocValues? values, IReadOnlyCollection<string> selection)
        {
            if (selection.Count == 0)
            {
                return new Dimension(values, null, false);
            }

            var selected = new HashSet<long>();
            if (values is not null)
            {
                foreach (var slug in selection)
                {
                    var ord = values.LookupTerm(new BytesRef(slug));
                    if (ord >= 0)
                    {
                        selected.Add(ord);
                    }
                }
            }

            return new Dimension(values, selected, true);
        }

        /// <summary>Appends the document's ordinals to <paramref name="ords"/>; true when it passes this facet's selection.</summary>
        public bool Load(int doc, List<long> ords, out int start, out int end)
        {
            start = ords.Count;
            var passes = !anySelected;
            if (values is not null)
            {
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add(ord);
                    if (!passes && selected!.Contains(ord))
                    {
                        passes = true;
                    }
                }
            }

            end = ords.Count;
            return passes;
        }

        public void Count(List<long> ords, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                counts[ords[i]]++;
            }
        }

        public void FoldInto(Dictionary<string, int> totals)
        {
            if (values is null)
            {
                return;
            }

            var scratch = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, scratch);
                var slug = scratch.Utf8ToString();
                totals[slug] = totals.GetValueOrDefault(slug) + counts[ord];
            }
        }
    }
}
