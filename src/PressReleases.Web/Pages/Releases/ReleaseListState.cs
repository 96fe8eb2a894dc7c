using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using PressReleases.Core.Search;

namespace PressReleases.Web.Pages.Releases;

/// <summary>
/// What a listing's URL says (search text, filters, dates, order, page) and the links that change one
/// part of it. Every link on a listing is built here so none of them loses the rest of the state.
/// A scoped listing (a minister's page) keeps its scope in <see cref="BasePath"/>, not in the query.
/// </summary>
public sealed record ReleaseListState
{
    public required string BasePath { get; init; }

    public string? Query { get; init; }

    public IReadOnlyList<string> Ministers { get; init; } = [];

    public IReadOnlyList<string> Portfolios { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public SearchSort? Sort { get; init; }

    public int Page { get; init; } = 1;

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);

    public bool HasFilters => Ministers.Count > 0 || Portfolios.Count > 0 || From is not null || To is not null;

    public static ReleaseListState For(string basePath, SearchRequest request) => new()
    {
        BasePath = basePath,
        Query = request.Query,
        Ministers = request.Ministers,
        Portfolios = request.Portfolios,
        From = request.From,
        To = request.To,
        Sort = request.Sort,
        Page = request.Page,
    };

    /// <summary>This state as a link: path plus query string, defaults left out.</summary>
    public string Url()
    {
        // Written straight into one builder: a listing page has some fifty of these links (facets, pages),
        // and a parameter list plus QueryString per link was a noticeable part of the page's cost.
        var url = new StringBuilder(BasePath, BasePath.Length + 64 + (Query?.Length ?? 0));
        using var writer = new StringWriter(url, CultureInfo.InvariantCulture);
        var separator = '?';
        void Add(string name, string value)
        {
            writer.Write(separator);
            writer.Write(name);
            writer.Write('=');
            UrlEncoder.Default.Encode(writer, value);
            separator = '&';
        }

        if (HasQuery)
        {
            Add("q", Query!);
        }

        foreach (var minister in Ministers)
        {
            Add("minister", minister);
        }

        foreach (var portfolio in Portfolios)
        {
            Add("portfolio", portfolio);
        }

        if (From is { } from)
        {
            Add("from", IsoDate(from));
        }

        if (To is { } to)
        {
            Add("to", IsoDate(to));
        }

        if (ReleaseListQuery.SortName(Sort) is { } sort)
        {
            Add("sort", sort);
        }

        if (Page > 1)
        {
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
        }

        return url.ToString();
    }

    public bool IsMinisterSelected(string slug) => Ministers.Contains(slug);

    public bool IsPortfolioSelected(string slug) => Portfolios.Contains(slug);

    /// <summary>True when the date range is exactly one calendar year (as a year facet link sets it).</summary>
    public bool IsYearSelected(int year) =>
        From == new DateOnly(year, 1, 1) && To == new DateOnly(year, 12, 31);

    // Changing what is listed starts again at page 1: the old page number means nothing in the new list.
    public ReleaseListState ToggleMinister(string slug) =>
        this with { Ministers = Toggle(Ministers, slug), Page = 1 };

    public ReleaseListState TogglePortfolio(string slug) =>
        this with { Portfolios = Toggle(Portfolios, slug), Page = 1 };

    public ReleaseListState ForYear(int year) =>
        IsYearSelected(year)
            ? WithoutDates()
            : this with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), Page = 1 };

    public ReleaseListState WithoutDates() => this with { From = null, To = null, Page = 1 };

    public ReleaseListState WithoutFrom() => this with { From = null, Page = 1 };

    public ReleaseListState WithoutTo() => this with { To = null, Page = 1 };

    public ReleaseListState WithQuery(string query) => this with { Query = query, Page = 1 };

    public ReleaseListState WithoutQuery() =>
        this with { Query = null, Sort = Sort == SearchSort.Relevance ? null : Sort, Page = 1 };

    /// <summary>Keeps the search text and order; drops ministers, portfolios and dates.</summary>
    public ReleaseListState WithoutFilters() =>
        this with { Ministers = [], Portfolios = [], From = null, To = null, Page = 1 };

    public ReleaseListState WithPage(int page) => this with { Page = page };

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Toggle(IReadOnlyList<string> values, string value) =>
        values.Contains(value) ? values.Where(v => v != value).ToArray() : [.. values, value];
}
