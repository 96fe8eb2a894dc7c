using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Web.Listing;

/// <summary>
/// What a listing page's URL says: its scope (the path) and its request (search text, filters, dates, order,
/// page), and the links that change one part of it. Every link on a listing is built here so none of them
/// loses the rest of the state. <see cref="Request"/> is what the URL holds; the search runs
/// <see cref="Search"/>, the request with the scope applied.
/// </summary>
public sealed record ListingState(ListingScope Scope, SearchRequest Request)
{
    public static ListingState For(ListingScope scope, SearchRequest request) => new(scope, scope.LeaveOut(request));

    /// <summary>What the search runs: the request within the page's scope.</summary>
    public SearchRequest Search => Scope.ApplyTo(Request);

    public string? Query => Request.Query;

    public bool HasQuery => Request.HasQuery;

    public bool HasFilters => ListingParameters.Filters.Any(filter => filter.Write(Request).Any());

    public IReadOnlyList<string> Selected(NameKind kind) => Request.Selected(kind);

    public bool IsSelected(NameKind kind, string slug) => Request.Selected(kind).Contains(slug);

    /// <summary>True when the date range is exactly one calendar year (as a year facet link sets it).</summary>
    public bool IsYearSelected(int year) =>
        Request.From == new DateOnly(year, 1, 1) && Request.To == new DateOnly(year, 12, 31);

    /// <summary>This state as a link: path plus query string, defaults left out.</summary>
    public string Url() => ListingParameters.Link(Scope.BasePath, Request, ListingSurface.Page);

    // Changing what is listed starts again at page 1: the old page number means nothing in the new list.
    public ListingState Toggle(NameKind kind, string slug)
    {
        var selected = Request.Selected(kind);
        return Changed(Request.WithSelected(kind, selected.Contains(slug) ? selected.Where(s => s != slug).ToArray() : [.. selected, slug]));
    }

    public ListingState ForYear(int year) =>
        IsYearSelected(year) ? WithoutDates() : Changed(Request with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) });

    public ListingState WithoutDates() => Changed(Request with { From = null, To = null });

    public ListingState WithoutFrom() => Changed(Request with { From = null });

    public ListingState WithoutTo() => Changed(Request with { To = null });

    public ListingState WithStatus(ReleaseStatus status) => Changed(Request with { Status = status });

    public ListingState WithQuery(string query) => Changed(Request with { Query = query });

    public ListingState WithoutQuery() =>
        Changed(Request with { Query = null, Sort = Request.Sort == SearchSort.Relevance ? null : Request.Sort });

    /// <summary>Keeps the search text and order; drops every filter (ministers, portfolios, dates).</summary>
    public ListingState WithoutFilters() => Changed(ListingParameters.Filters.Aggregate(Request, (request, filter) => filter.Clear!(request)));

    public ListingState WithPage(int page) => this with { Request = Request with { Page = page } };

    /// <summary>
    /// Words of the query that name a minister or a year made a filter instead: the words leave the query and
    /// the minister or the year becomes a filter (releases by or from it only).
    /// </summary>
    public ListingState WithReadingAsFilter(QueryReading reading)
    {
        var request = Request with { Query = reading.QueryWithout.Length > 0 ? reading.QueryWithout : null };
        if (request is { HasQuery: false, Sort: SearchSort.Relevance })
        {
            request = request with { Sort = null };
        }

        if (reading.Year is { } year)
        {
            request = request with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) };
        }
        else if (reading.MinisterSlug is { } slug && !IsSelected(NameKind.Minister, slug))
        {
            request = request.WithSelected(NameKind.Minister, [.. Request.Selected(NameKind.Minister), slug]);
        }

        return Changed(request);
    }

    /// <summary>Whether <see cref="WithReadingAsFilter"/> would narrow this listing: not for a minister on their own page.</summary>
    public bool CanFilterBy(QueryReading reading) => reading.Year is not null || !Scope.Is(NameKind.Minister);

    private ListingState Changed(SearchRequest request) => this with { Request = request with { Page = 1 } };
}
