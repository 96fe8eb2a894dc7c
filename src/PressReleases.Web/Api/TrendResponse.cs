using PressReleases.Core.Search;

namespace PressReleases.Web.Api;

/// <summary>GET /api/trends: the trend's periods and what they count.</summary>
/// <param name="Period">"year" or "month": how long each period is.</param>
/// <param name="Total">Every matching release, undated ones included.</param>
/// <param name="Undated">Matching releases without a known date: in <paramref name="Total"/>, in no period.</param>
/// <param name="InterpretedAs">How the query was read; null without a query.</param>
/// <param name="MatchedAnyWord">True when no release had every word, so the counts are of releases with most of them.</param>
/// <param name="Split">Null unless <c>split</c> was given.</param>
public sealed record TrendResponse(
    string Period,
    int Total,
    int Undated,
    string? InterpretedAs,
    bool MatchedAnyWord,
    TrendSplitResponse? Split,
    IReadOnlyList<TrendPeriodResponse> Periods)
{
    public static TrendResponse From(Trend trend) => new(
        trend.PeriodLength == TrendPeriodLength.Year ? "year" : "month",
        trend.Total,
        trend.Undated,
        trend.InterpretedAs,
        trend.MatchedAnyWord,
        trend.Split is { } split
            ? new TrendSplitResponse(split.Kind.Singular, split.Values.Select(v => new FacetValueResponse(v.Slug, v.Name, v.Count)).ToList())
            : null,
        trend.Periods.Select(p => TrendPeriodResponse.From(p, trend.Split is not null)).ToList());
}

/// <summary>The names a trend is split by.</summary>
/// <param name="Kind">"minister" or "portfolio".</param>
/// <param name="Values">The values with most matching releases, most first, each with its count over the whole trend.</param>
public sealed record TrendSplitResponse(string Kind, IReadOnlyList<FacetValueResponse> Values);

/// <summary>One period of a trend.</summary>
/// <param name="Period">"2014" or "2014-07".</param>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day.</param>
/// <param name="Count">Matching releases dated in the period (within the request's from and to).</param>
/// <param name="All">All releases dated in the period (within from and to), whatever their words or names.</param>
/// <param name="Share">count / all, rounded to six decimal places; null when all is 0.</param>
/// <param name="Split">With a split, the matching releases naming each of its values, in its order (a release naming two counts under both); otherwise null.</param>
/// <param name="Other">With a split, the matching releases naming none of its values; otherwise null.</param>
public sealed record TrendPeriodResponse(string Period, DateOnly Start, DateOnly End, int Count, int All, double? Share, IReadOnlyList<int>? Split, int? Other)
{
    public static TrendPeriodResponse From(TrendPeriod period, bool split) => new(
        period.Key,
        period.Start,
        period.End,
        period.Count,
        period.AllCount,
        TrendCsv.Rounded(period.Share),
        split ? period.SplitCounts : null,
        split ? period.Other : null);
}
