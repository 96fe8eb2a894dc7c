using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>Everything <c>_Listing.cshtml</c> renders.</summary>
public sealed class ListingView
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    public required ListingState State { get; init; }

    public ListingScope Scope => State.Scope;

    /// <summary>Null while the index is still being built.</summary>
    public SearchResult? Result { get; init; }

    public required IReadOnlyList<QueryProblem> Problems { get; init; }

    /// <summary>The order the results are in (the request's, or the default for it).</summary>
    public SearchSort EffectiveSort => State.Search.EffectiveSort;

    /// <summary>Display names of each kind for selected filters, which may not be among the facet values shown.</summary>
    public IReadOnlyDictionary<NameKind, IReadOnlyDictionary<string, string>> DisplayNames { get; init; } =
        new Dictionary<NameKind, IReadOnlyDictionary<string, string>>();

    /// <summary>Every minister and portfolio name, for the "Add minister" and "Add portfolio" suggestions.</summary>
    public IReadOnlyDictionary<NameKind, NameOptions> Choices { get; init; } = new Dictionary<NameKind, NameOptions>();

    /// <summary>Set when the request should be answered by a redirect to this canonical listing URL instead.</summary>
    public string? RedirectUrl { get; init; }

    public bool IndexReady => Result is not null;

    /// <summary>
    /// The same listing searching for the suggested spelling, from page 1; null when there is no suggestion. The
    /// link carries <see cref="SearchMetrics.SuggestionMarker"/> so that following it is counted; the search ignores
    /// it and no other link on that page keeps it.
    /// </summary>
    public string? DidYouMeanUrl =>
        Result?.DidYouMean is { Length: > 0 } suggestion ? WithSuggestionMarker(State.WithQuery(suggestion).Url()) : null;

    private static string WithSuggestionMarker(string url) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? '&' : '?') + SearchMetrics.SuggestionMarker + "=1";

    public string NameOf(NameKind kind, string slug) => DisplayNames.GetValueOrDefault(kind, NoNames).GetValueOrDefault(slug) ?? slug;

    public NameOptions ChoicesOf(NameKind kind) => Choices.GetValueOrDefault(kind) ?? NameOptions.None;

    /// <summary>Pages that can be reached: the search pages no deeper than <see cref="SearchService.MaxResultWindow"/> results.</summary>
    public int PageCount => Result is { } r ? Math.Min(r.PageCount, SearchService.MaxResultWindow / r.PageSize) : 0;

    /// <summary>True when there are more results than paging can reach.</summary>
    public bool IsPagingCapped => Result is { } r && r.PageCount > PageCount;

    /// <summary>Page numbers to offer: the first, the last and two either side of the current one (0 marks a gap).</summary>
    public IReadOnlyList<int> PageLinks()
    {
        if (Result is not { } result || PageCount <= 1)
        {
            return [];
        }

        var current = result.Page;
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, current - 2); p <= Math.Min(PageCount, current + 2); p++)
        {
            pages.Add(p);
        }

        var links = new List<int>();
        var previous = 0;
        foreach (var page in pages)
        {
            if (previous > 0 && page > previous + 1)
            {
                links.Add(0);
            }

            links.Add(page);
            previous = page;
        }

        return links;
    }
}
