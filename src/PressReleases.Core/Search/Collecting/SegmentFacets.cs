using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// One segment's minister, portfolio, date and id values as flat arrays, read once from its doc values and
/// kept for as long as the segment lives. Counting facets over every hit of a broad query (the listing
/// with no words matches all 55,000 releases) is then a few array reads per hit instead of decoding doc
/// values through virtual calls. A segment never changes, so the arrays never go stale: deletes are
/// applied by the searcher before hits reach a collector, and a merged segment is a new segment.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(AtomicReader reader)
    {
        Ministers = Dimension.Read(reader.GetSortedSetDocValues(IndexFields.Minister), reader.MaxDoc);
        Portfolios = Dimension.Read(reader.GetSortedSetDocValues(IndexFields.Portfolio), reader.MaxDoc);
        DateKeys = new int[reader.MaxDoc];
        Ids = new int[reader.MaxDoc];
        var dates = reader.GetNumericDocValues(IndexFields.DateValues);
        var ids = reader.GetNumericDocValues(IndexFields.IdValues);
        var (firstYear, lastYear) = (int.MaxValue, 0);
        for (var doc = 0; doc < DateKeys.Length; doc++)
        {
            DateKeys[doc] = (int)(dates?.Get(doc) ?? 0);
            Ids[doc] = (int)(ids?.Get(doc) ?? 0);
            if (DateKeys[doc] / 10000 is var year and > 0)
            {
                (firstYear, lastYear) = (Math.Min(firstYear, year), Math.Max(lastYear, year));
            }
        }

        (FirstYear, LastYear) = lastYear == 0 ? (1, 0) : (firstYear, lastYear);
    }

    public Dimension Ministers { get; }

    public Dimension Portfolios { get; }

    /// <summary>Each document's date as yyyymmdd (<see cref="IndexFields.DateKey"/>), 0 when the release has no date.</summary>
    public int[] DateKeys { get; }

    /// <summary>
    /// The earliest and latest year of the segment's dates (an empty range, first after last, when it has
    /// none): year counts need an array of this span only.
    /// </summary>
    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>Each document's release id (for a stable order among releases of one day).</summary>
    public int[] Ids { get; }

    /// <summary>The facets of <paramref name="reader"/>'s segment, read on first use.</summary>
    public static SegmentFacets For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));

    /// <summary>One multi-valued facet of the segment: document → ordinals (compressed rows), ordinal → slug.</summary>
    internal sealed class Dimension
    {
        private readonly Dictionary<string, int> ordinalsBySlug;

        private Dimension(int[] starts, int[] ordinals, string[] slugs)
        {
            Starts = starts;
            Ordinals = ordinals;
            Slugs = slugs;
            ordinalsBySlug = new Dictionary<string, int>(slugs.Length, StringComparer.Ordinal);
            for (var ord = 0; ord < slugs.Length; ord++)
            {
                ordinalsBySlug[slugs[ord]] = ord;
            }
        }

        /// <summary>Document d's ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
        public int[] Starts { get; }

        public int[] Ordinals { get; }

        /// <summary>The value (slug) of each ordinal.</summary>
        public string[] Slugs { get; }

        /// <summary>The ordinal of <paramref name="slug"/> in this segment, or -1.</summary>
        public int OrdinalOf(string slug) => ordinalsBySlug.GetValueOrDefault(slug, -1);

        public static Dimension Read(SortedSetDocValues? values, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            if (values is null)
            {
                return new Dimension(starts, [], []);
            }

            var ordinals = new List<int>(maxDoc * 2);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ordinals.Add((int)ord);
                }
            }

            starts[maxDoc] = ordinals.Count;
            var slugs = new string[values.ValueCount];
            var scratch = new BytesRef();
            for (var ord = 0; ord < slugs.Length; ord++)
            {
                values.LookupOrd(ord, scratch);
                slugs[ord] = scratch.Utf8ToString();
            }

            return new Dimension(starts, [.. ordinals], slugs);
        }
    }
}
