using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Releases;

/// <summary>Runs a listing's search for the pages that show one: /releases, a minister's page, a portfolio's page.</summary>
public sealed class ReleaseListLoader(SearchService search, ReleaseCatalog catalog, StartupState startup)
{
    /// <summary>How long a page waits for a starting index before rendering the "being built" notice instead.</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(5);

    private static readonly IReadOnlyDictionary<string, string> EmptyNames = new Dictionary<string, string>();

    public async Task<ReleaseListView> LoadAsync(IQueryCollection query, string basePath, ListScope scope, string? scopeSlug, CancellationToken cancellationToken)
    {
        var (request, problems) = ReleaseListQuery.Parse(query);

        // The page size is the site's choice; only the API lets callers pick it.
        request = request with { PageSize = SearchRequest.DefaultPageSize, FacetLimit = SearchRequest.DefaultFacetLimit };
        problems = problems.Where(p => p.Parameter is not ("pageSize" or "facetLimit")).ToList();

        // The scope lives in the path. Minister filters combine with "any of", so a second minister on a
        // minister's page would widen the list rather than narrow it: the scope replaces them.
        var state = ReleaseListState.For(basePath, request);
        if (scope == ListScope.Minister && scopeSlug is not null)
        {
            state = state with { Ministers = [] };
            request = request with { Ministers = [scopeSlug] };
        }
        else if (scope == ListScope.Portfolio && scopeSlug is not null)
        {
            state = state with { Portfolios = [] };
            request = request with { Portfolios = [scopeSlug] };
        }

        SearchResult? result = null;
        if (await IsIndexReadyAsync(cancellationToken))
        {
            result = await search.SearchAsync(request, cancellationToken);

            // The search clamps a page past the end (an old link, a hand-edited URL) to the last one;
            // the links must start from the page actually shown.
            state = state with { Page = result.Page };
        }

        // Names for the selected filters come from the store; while it is still opening, slugs stand in.
        IReadOnlyDictionary<string, string> ministerNames = EmptyNames, portfolioNames = EmptyNames;
        if (startup.WhenStoreReady.IsCompletedSuccessfully)
        {
            (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        }

        return new ReleaseListView
        {
            State = state,
            Scope = scope,
            Result = result,
            Problems = problems,
            EffectiveSort = request.EffectiveSort,
            MinisterNames = ministerNames,
            PortfolioNames = portfolioNames,
        };
    }

    private async Task<bool> IsIndexReadyAsync(CancellationToken cancellationToken)
    {
        if (startup.IsIndexReady)
        {
            return true;
        }

        try
        {
            await startup.WhenIndexReady.WaitAsync(IndexWait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
