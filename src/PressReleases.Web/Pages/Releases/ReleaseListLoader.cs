using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Releases;

/// <summary>Runs a listing's search for the pages that show one: /releases, a minister's page, a portfolio's page.</summary>
public sealed class ReleaseListLoader(SearchService search, ReleaseCatalog catalog, StartupState startup)
{
    /// <summary>How long a page waits for a starting index before rendering the "being built" notice instead.</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(5);

    /// <summary>The filter form's free-text name fields; they never stay in a listing's URL.</summary>
    public const string AddMinister = "addMinister";

    public const string AddPortfolio = "addPortfolio";

    private static readonly IReadOnlyDictionary<string, string> EmptyNames = new Dictionary<string, string>();

    public async Task<ReleaseListView> LoadAsync(IQueryCollection query, string basePath, ListScope scope, string? scopeSlug, CancellationToken cancellationToken)
    {
        var (request, parsedProblems) = ReleaseListQuery.Parse(query);

        // The page size is the site's choice; only the API lets callers pick it.
        request = request with { PageSize = SearchRequest.DefaultPageSize, FacetLimit = SearchRequest.DefaultFacetLimit };
        var problems = parsedProblems.Where(p => p.Parameter is not ("pageSize" or "facetLimit")).ToList();

        var storeReady = startup.WhenStoreReady.IsCompletedSuccessfully;
        var adding = query.ContainsKey(AddMinister) || query.ContainsKey(AddPortfolio);
        if (adding)
        {
            request = await AddTypedNamesAsync(query, request, scope, storeReady, problems, cancellationToken);
        }

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

        // Typed names become slugs in a canonical, bookmarkable URL. When something could not be used the
        // page is shown instead, so the notice is seen (the names that were found are applied all the same).
        if (adding && problems.Count == 0)
        {
            return new ReleaseListView
            {
                State = state,
                Scope = scope,
                Problems = problems,
                EffectiveSort = request.EffectiveSort,
                MinisterNames = EmptyNames,
                PortfolioNames = EmptyNames,
                RedirectUrl = state.Url(),
            };
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
        NameOptions ministerChoices = NameOptions.None, portfolioChoices = NameOptions.None;
        if (storeReady)
        {
            (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
            ministerChoices = NameOptions.For(await catalog.MinistersAsync(cancellationToken));
            portfolioChoices = NameOptions.For(await catalog.PortfoliosAsync(cancellationToken));
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
            MinisterChoices = ministerChoices,
            PortfolioChoices = portfolioChoices,
        };
    }

    /// <summary>
    /// Adds the names typed into "Add minister" and "Add portfolio" to the request's filters; a name that
    /// matches nothing (or too much) becomes a problem. On a minister's page the minister is the scope, so
    /// another minister is not added there (likewise portfolios).
    /// </summary>
    private async Task<SearchRequest> AddTypedNamesAsync(
        IQueryCollection query, SearchRequest request, ListScope scope, bool storeReady, List<QueryProblem> problems, CancellationToken cancellationToken)
    {
        var typedMinisters = Typed(query, AddMinister, scope != ListScope.Minister);
        var typedPortfolios = Typed(query, AddPortfolio, scope != ListScope.Portfolio);
        if (typedMinisters.Count + typedPortfolios.Count == 0)
        {
            return request;
        }

        if (!storeReady)
        {
            problems.Add(new(AddMinister, "Names cannot be looked up while the site is starting; try again shortly."));
            return request;
        }

        var (ministers, portfolios) = await catalog.NamesAsync(cancellationToken);
        var ministerSlugs = request.Ministers.ToList();
        foreach (var typed in typedMinisters)
        {
            var added = AddedName.Resolve(typed, ministers, name => MinisterNames.Normalize(name).Slug);
            Add(added, ministerSlugs, AddMinister, "minister", problems);
        }

        var portfolioSlugs = request.Portfolios.ToList();
        foreach (var typed in typedPortfolios)
        {
            var added = AddedName.Resolve(typed, portfolios, Slugs.From);
            Add(added, portfolioSlugs, AddPortfolio, "portfolio", problems);
        }

        // A new filter changes the list, so the old page number means nothing in it.
        var changed = ministerSlugs.Count != request.Ministers.Count || portfolioSlugs.Count != request.Portfolios.Count;
        return request with { Ministers = ministerSlugs, Portfolios = portfolioSlugs, Page = changed ? 1 : request.Page };
    }

    private static List<string> Typed(IQueryCollection query, string parameter, bool used) =>
        used ? query[parameter].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList() : [];

    private static void Add(AddedName added, List<string> slugs, string parameter, string kind, List<QueryProblem> problems)
    {
        if (added.Slug is not { } slug)
        {
            problems.Add(new(parameter, added.Problem(kind)));
        }
        else if (!slugs.Contains(slug))
        {
            slugs.Add(slug);
        }
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
