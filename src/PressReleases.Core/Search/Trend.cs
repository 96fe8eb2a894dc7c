using System.Globalization;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Search;

/// <summary>How long each period of a trend is.</summary>
public enum TrendPeriodLength
{
    Year,
    Month,
}

/// <summary>
/// One period of a trend: the matching releases dated in it (<see cref="Count"/>) and all releases dated in it
/// (<see cref="AllCount"/>, the same date range without words or names), both within the request's dates.
/// </summary>
/// <param name="Month">1–12 for a month; null for a whole year.</param>
/// <param name="SplitCounts">With a split, the matching releases that name each of <see cref="Trend.Split"/>'s values, in its order.</param>
/// <param name="Other">With a split, the matching releases that name none of its values; 0 without one.</param>
public sealed record TrendPeriod(int Year, int? Month, int Count, int AllCount, IReadOnlyList<int> SplitCounts, int Other)
{
    /// <summary>"2014" or "2014-07": the period as the CSV and JSON name it.</summary>
    public string Key => Month is { } month
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}")
        : Year.ToString("D4", CultureInfo.InvariantCulture);

    public DateOnly Start => new(Year, Month ?? 1, 1);

    public DateOnly End => Month is null ? new DateOnly(Year, 12, 31) : Start.AddMonths(1).AddDays(-1);

    /// <summary><see cref="Count"/> as a fraction of <see cref="AllCount"/>; null for a period with no release at all.</summary>
    public double? Share => ShareOf(Count);

    /// <summary>Any count of this period as a fraction of all its releases; null for a period with no release at all.</summary>
    public double? ShareOf(int count) => AllCount == 0 ? null : (double)count / AllCount;
}

/// <summary>The names a trend is split by: the values of one kind with most matching releases, most first.</summary>
/// <param name="Values">Each value with its matching releases over the whole trend, undated ones included.</param>
public sealed record TrendSplit(NameKind Kind, IReadOnlyList<FacetValue> Values);

/// <summary>
/// How many releases matching a search appeared in each period, from the first period of the range to the last
/// with no gaps. The releases counted are those the listing's year facet counts: those with every word, or when
/// no release has them all, those the listing then shows (<see cref="Words"/>).
/// </summary>
/// <param name="Total">Every matching release, undated ones included.</param>
/// <param name="Undated">Matching releases without a known date: in <see cref="Total"/>, in no period.</param>
/// <param name="Split">Null unless a split was asked for.</param>
/// <param name="InterpretedAs">How the query was read, as the listing says it; null without words.</param>
public sealed record Trend(
    TrendPeriodLength PeriodLength,
    IReadOnlyList<TrendPeriod> Periods,
    int Total,
    int Undated,
    TrendSplit? Split,
    string? InterpretedAs)
{
    /// <summary>How many values of the split kind a split shows.</summary>
    public const int SplitSize = 5;

    /// <summary>A trend shorter than this many months is counted by month, a longer one by year.</summary>
    public const int MonthlyBelowMonths = 36;

    /// <summary>Set when no release had every word and the trend counts releases with most of them (as the listing shows).</summary>
    public WordMatch? Words { get; init; }

    public bool MatchedAnyWord => Words is { AllWordsTotal: 0 };
}
