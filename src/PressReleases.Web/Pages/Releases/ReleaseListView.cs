using PressReleases.Core.Search;

namespace PressReleases.Web.Pages.Releases;

/// <summary>Which listing this is: all releases, or one minister's or one portfolio's.</summary>
public enum ListScope
{
    All,
    Minister,
    Portfolio,
}

/// <summary>Everything <c>_ReleaseList.cshtml</c> renders.</summary>
public sealed class ReleaseListView
{
    public required ReleaseListState State { get; init; }

    public required ListScope Scope { get; init; }

    /// <summary>Null while the index is still being built.</summary>
    public SearchResult? Result { get; init; }

    public required IReadOnlyList<QueryProblem> Problems { get; init; }

    /// <summary>The order the results are in (the request's, or the default for it).</summary>
    public required SearchSort EffectiveSort { get; init; }

    /// <summary>Display names for selected filters, which may not be among the facet values shown.</summary>
    public required IReadOnlyDictionary<string, string> MinisterNames { get; init; }

    public required IReadOnlyDictionary<string, string> PortfolioNames { get; init; }

    /// <summary>Every minister and portfolio name, for the "Add minister" and "Add portfolio" suggestions.</summary>
    public NameOptions MinisterChoices { get; init; } = NameOptions.None;

    public NameOptions PortfolioChoices { get; init; } = NameOptions.None;

    /// <summary>Set when the request should be answered by a redirect to this canonical listing URL instead.</summary>
    public string? RedirectUrl { get; init; }

    public bool IndexReady => Result is not null;

    /// <summary>The same listing searching for the suggested spelling, from page 1; null when there is no suggestion.</summary>
    public string? DidYouMeanUrl =>
        Result?.DidYouMean is { Length: > 0 } suggestion ? State.WithQuery(suggestion).Url() : null;

    public string MinisterName(string slug) => MinisterNames.GetValueOrDefault(slug) ?? slug;

    public string PortfolioName(string slug) => PortfolioNames.GetValueOrDefault(slug) ?? slug;

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
