using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Collecting;

namespace PressReleases.Core.Search;

/// <summary>
/// Turns the hits of a search, beside every release, into a <see cref="Trend"/>:
/// the range of periods, their length, the counts in each and the split. Dates and names come from the
/// segments' doc-value arrays; nothing is read from stored documents.
/// </summary>
internal static class TrendCounting
{
    /// <param name="matched">The search's hits.</param>
    /// <param name="all">Every release: those within the request's dates are the share's denominator, and the first and last of all bound the range.</param>
    /// <param name="names">Display names by slug of the split's kind.</param>
    public static Trend Count(
        SearchRequest request, MatchedDocsCollector matched, MatchedDocsCollector all, NameKind? splitKind,
        IReadOnlyDictionary<string, string> names, string? interpretedAs)
    {
        var (matchedMonths, undated, _) = Months(matched, request);
        var (allMonths, _, extent) = Months(all, request);
        var range = Range(request, matchedMonths, extent);
        if (range is not var (first, last))
        {
            return new Trend(TrendPeriodLength.Year, [], matched.TotalHits, undated, splitKind is null ? null : new TrendSplit(splitKind, []), interpretedAs);
        }

        var length = last - first + 1 < Trend.MonthlyBelowMonths ? TrendPeriodLength.Month : TrendPeriodLength.Year;
        var periods = new Periods(first, last, length);
        var counts = periods.Tally(matchedMonths);
        var allCounts = periods.Tally(allMonths);
        var split = splitKind is null ? null : SplitBy(splitKind, matched, names, periods);

        var list = new List<TrendPeriod>(periods.Count);
        for (var p = 0; p < periods.Count; p++)
        {
            var (year, month) = periods.Label(p);
            list.Add(new TrendPeriod(year, month, counts[p], allCounts[p], split?.Counts.Select(c => c[p]).ToArray() ?? [], split?.Other[p] ?? 0));
        }

        return new Trend(length, list, matched.TotalHits, undated, split is null ? null : new TrendSplit(splitKind!, split.Values), interpretedAs);
    }

    /// <summary>A month as one number (year × 12 + month − 1), so a range of months is a range of ints; -1 for no date.</summary>
    private static int MonthOf(int dateKey) => dateKey <= 0 ? -1 : (dateKey / 10000 * 12) + (dateKey / 100 % 100) - 1;

    /// <summary>
    /// The hits dated within the request's dates, by month; the undated hits; and the first and last month of any dated
    /// hit, within the dates or not (null when none is dated).
    /// </summary>
    private static (Dictionary<int, int> Months, int Undated, (int First, int Last)? Extent) Months(MatchedDocsCollector hits, SearchRequest request)
    {
        var from = request.From is { } f ? IndexFields.DateKey(f) : 1;
        var to = request.To is { } t ? IndexFields.DateKey(t) : int.MaxValue;
        var months = new Dictionary<int, int>();
        var (undated, first, last) = (0, int.MaxValue, -1);
        foreach (var segment in hits.Segments)
        {
            var dates = segment.Facets.DateKeys;
            foreach (var doc in segment.Docs)
            {
                var date = dates[doc];
                var month = MonthOf(date);
                if (month < 0)
                {
                    undated++;
                    continue;
                }

                (first, last) = (Math.Min(first, month), Math.Max(last, month));
                if (date >= from && date <= to)
                {
                    months[month] = months.GetValueOrDefault(month) + 1;
                }
            }
        }

        return (months, undated, last < 0 ? null : (first, last));
    }

    /// <summary>
    /// The first and last month of the trend: the request's date bounds, moved in to the first or last month with any
    /// release (so "from 1900" does not draw a century of empty years); where it gives none, the first or last month
    /// with a matching release. Null when there is nothing to show.
    /// </summary>
    private static (int First, int Last)? Range(SearchRequest request, Dictionary<int, int> matched, (int First, int Last)? releases)
    {
        if (releases is not var (firstRelease, lastRelease))
        {
            return null;
        }

        var first = request.From is { } from ? Math.Max(MonthOf(IndexFields.DateKey(from)), firstRelease) : matched.Keys.DefaultIfEmpty(-1).Min();
        var last = request.To is { } to ? Math.Min(MonthOf(IndexFields.DateKey(to)), lastRelease) : matched.Keys.DefaultIfEmpty(-1).Max();
        return first >= 0 && last >= first ? (first, last) : null;
    }

    /// <summary>
    /// The <see cref="Trend.SplitSize"/> values of <paramref name="kind"/> on most hits (ties by name), and per period
    /// the hits naming each of them and the hits naming none of them.
    /// </summary>
    private static SplitCounts SplitBy(NameKind kind, MatchedDocsCollector matched, IReadOnlyDictionary<string, string> names, Periods periods)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in matched.Segments)
        {
            var dimension = DimensionOf(segment, kind);
            var perOrdinal = new int[dimension.Slugs.Length];
            foreach (var doc in segment.Docs)
            {
                for (var i = dimension.Starts[doc]; i < dimension.Starts[doc + 1]; i++)
                {
                    perOrdinal[dimension.Ordinals[i]]++;
                }
            }

            for (var ord = 0; ord < perOrdinal.Length; ord++)
            {
                if (perOrdinal[ord] > 0)
                {
                    totals[dimension.Slugs[ord]] = totals.GetValueOrDefault(dimension.Slugs[ord]) + perOrdinal[ord];
                }
            }
        }

        var values = totals
            .Select(t => new FacetValue(t.Key, names.GetValueOrDefault(t.Key, t.Key), t.Value))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Slug, StringComparer.Ordinal)
            .Take(Trend.SplitSize)
            .ToList();
        var counts = values.Select(_ => new int[periods.Count]).ToArray();
        var other = new int[periods.Count];
        foreach (var segment in matched.Segments)
        {
            var dimension = DimensionOf(segment, kind);
            var column = Enumerable.Repeat(-1, dimension.Slugs.Length).ToArray();
            for (var v = 0; v < values.Count; v++)
            {
                if (dimension.OrdinalOf(values[v].Slug) is var ord and >= 0)
                {
                    column[ord] = v;
                }
            }

            foreach (var doc in segment.Docs)
            {
                var period = periods.IndexOf(MonthOf(segment.Facets.DateKeys[doc]));
                if (period < 0)
                {
                    continue;
                }

                var named = false;
                for (var i = dimension.Starts[doc]; i < dimension.Starts[doc + 1]; i++)
                {
                    if (column[dimension.Ordinals[i]] is var v and >= 0)
                    {
                        counts[v][period]++;
                        named = true;
                    }
                }

                if (!named)
                {
                    other[period]++;
                }
            }
        }

        return new SplitCounts(values, counts, other);
    }

    private static SegmentFacets.Dimension DimensionOf(SegmentHits segment, NameKind kind) =>
        kind == NameKind.Minister ? segment.Facets.Ministers : segment.Facets.Portfolios;

    private sealed record SplitCounts(IReadOnlyList<FacetValue> Values, int[][] Counts, int[] Other);

    /// <summary>The trend's periods, first to last month grouped by year or by month, numbered from 0.</summary>
    private sealed class Periods(int firstMonth, int lastMonth, TrendPeriodLength length)
    {
        private readonly int first = length == TrendPeriodLength.Year ? firstMonth / 12 : firstMonth;
        private readonly int last = length == TrendPeriodLength.Year ? lastMonth / 12 : lastMonth;

        public int Count => last - first + 1;

        /// <summary>The period a month falls in, or -1 for none (no date, or outside the range).</summary>
        public int IndexOf(int month)
        {
            if (month < 0)
            {
                return -1;
            }

            var unit = length == TrendPeriodLength.Year ? month / 12 : month;
            return unit < first || unit > last ? -1 : unit - first;
        }

        public (int Year, int? Month) Label(int period) =>
            length == TrendPeriodLength.Year ? (first + period, null) : ((first + period) / 12, ((first + period) % 12) + 1);

        public int[] Tally(Dictionary<int, int> months)
        {
            var counts = new int[Count];
            foreach (var (month, count) in months)
            {
                if (IndexOf(month) is var period and >= 0)
                {
                    counts[period] += count;
                }
            }

            return counts;
        }
    }
}
