using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>What the trend page's bars stand for.</summary>
public enum TrendMeasure
{
    /// <summary>Matching releases per period (the default).</summary>
    Count,

    /// <summary>Matching releases as a share of all releases of the period.</summary>
    Share,
}

/// <summary>
/// What a trend's URL says: the listing's words, names and dates (read by the listing's own parser, so a bad value
/// is the same problem it is on a listing), how to split the counts (<c>split=minister|portfolio</c>) and what the
/// page's bars measure (<c>measure=count|share</c>; the CSV and JSON always carry both).
/// </summary>
public sealed record TrendQuery(SearchRequest Request, NameKind? Split, TrendMeasure Measure)
{
    public const string PagePath = ListingLinks.TrendPath;
    public const string CsvPath = "/trends.csv";
    public const string ApiPath = "/api/trends";
    public const string SplitParameter = "split";
    public const string MeasureParameter = "measure";

    private static readonly IReadOnlyDictionary<string, SplitChoice> Splits =
        NameKind.All.ToDictionary(kind => kind.Singular, kind => new SplitChoice(kind), StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, TrendMeasure> Measures = new Dictionary<string, TrendMeasure>(StringComparer.Ordinal)
    {
        ["count"] = TrendMeasure.Count,
        ["share"] = TrendMeasure.Share,
    };

    /// <summary>"minister or portfolio": the split's values, for problems and the OpenAPI description.</summary>
    public static IReadOnlyList<string> SplitValues { get; } = [.. Splits.Keys];

    public static IReadOnlyList<string> MeasureValues { get; } = [.. Measures.Keys];

    public static (TrendQuery Query, IReadOnlyList<QueryProblem> Problems) Parse(IQueryCollection query)
    {
        var (request, listingProblems) = ListingQuery.Parse(query, ListingSurface.Trend);
        var problems = listingProblems.ToList();
        var split = ParameterValues.Choice(SplitParameter, query[SplitParameter], Splits, "a split", "minister or portfolio", problems);
        var measure = ParameterValues.Choice(MeasureParameter, query[MeasureParameter], Measures, "a measure", "count or share", problems);
        return (new TrendQuery(request, split?.Kind, measure ?? TrendMeasure.Count), problems);
    }

    /// <summary>This trend at <see cref="PagePath"/>, defaults left out.</summary>
    public string PageUrl() => Link(PagePath, withMeasure: true);

    /// <summary>The same counts as CSV (the measure is the page's; the CSV carries both).</summary>
    public string CsvUrl() => Link(CsvPath, withMeasure: false);

    public string ApiUrl() => Link(ApiPath, withMeasure: false);

    /// <summary>The listing of the trend's releases within <paramref name="from"/>..<paramref name="to"/> (a period, kept within the trend's own dates).</summary>
    public string ListingUrl(DateOnly from, DateOnly to) => ListingParameters.Link(
        "/releases",
        Request with { From = Later(Request.From, from), To = Earlier(Request.To, to) },
        ListingSurface.Page);

    /// <summary>The listing of every release the trend counts.</summary>
    public string ListingUrl() => ListingParameters.Link("/releases", Request, ListingSurface.Page);

    public TrendQuery WithSplit(NameKind? split) => this with { Split = split };

    public TrendQuery WithMeasure(TrendMeasure measure) => this with { Measure = measure };

    private string Link(string path, bool withMeasure)
    {
        var url = ListingParameters.Link(path, Request, ListingSurface.Trend);
        var extra = new List<string>(2);
        if (Split is { } split)
        {
            extra.Add($"{SplitParameter}={split.Singular}");
        }

        if (withMeasure && Measure != TrendMeasure.Count)
        {
            extra.Add($"{MeasureParameter}={Measures.First(m => m.Value == Measure).Key}");
        }

        return extra.Count == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? '&' : '?') + string.Join('&', extra);
    }

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static DateOnly Earlier(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    /// <summary>A kind as a value <see cref="ParameterValues.Choice"/> can return.</summary>
    private readonly record struct SplitChoice(NameKind Kind);
}
