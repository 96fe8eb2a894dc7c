using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Display;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Listing;

/// <summary>Runs a listing's search for the pages that show one: /releases, a minister's page, a portfolio's page.</summary>
public sealed class ListingLoader(SearchService search, SearchMetrics metrics, ReleaseCatalog catalog, StartupState startup)
{
    /// <summary>How long a page waits for a starting index before rendering the "being built" notice instead.</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(5);

    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    public async Task<ListingView> LoadAsync(IQueryCollection query, ListingScope scope, CancellationToken cancellationToken)
    {
        // The page size is the site's choice; only the API lets callers pick it.
        var (request, parsedProblems) = ListingQuery.Parse(query, ListingSurface.Page);
        var problems = parsedProblems.ToList();

        var storeReady = startup.WhenStoreReady.IsCompletedSuccessfully;
        var adding = NameKind.All.Any(kind => query.ContainsKey(kind.AddParameter()));
        if (adding)
        {
            request = await AddTypedNamesAsync(query, request, scope, storeReady, problems, cancellationToken);
        }

        var state = ListingState.For(scope, request);

        // Typed names become slugs in a canonical, bookmarkable URL. When something could not be used the
        // page is shown instead, so the notice is seen (the names that were found are applied all the same).
        if (adding && problems.Count == 0)
        {
            return new ListingView { State = state, Problems = problems, RedirectUrl = state.Url() };
        }

        SearchResult? result = null;
        if (await IsIndexReadyAsync(cancellationToken))
        {
            result = await metrics.SearchAsync(search, state.Search, SearchMetrics.Page, cancellationToken);
            if (state.HasQuery && query.ContainsKey(SearchMetrics.SuggestionMarker))
            {
                metrics.SuggestionFollowed();
            }

            // The search clamps a page past the end (an old link, a hand-edited URL) to the last one;
            // the links must start from the page actually shown.
            state = state.WithPage(result.Page);
        }

        // Names for the selected filters come from the store; while it is still opening, slugs stand in.
        var names = new Dictionary<NameKind, IReadOnlyDictionary<string, string>>();
        var choices = new Dictionary<NameKind, NameOptions>();
        foreach (var kind in NameKind.All)
        {
            names[kind] = storeReady ? await catalog.DisplayNamesAsync(kind, cancellationToken) : NoNames;
            choices[kind] = storeReady ? NameOptions.For(await catalog.ListAsync(kind, cancellationToken)) : NameOptions.None;
        }

        return new ListingView { State = state, Result = result, Problems = problems, DisplayNames = names, Choices = choices };
    }

    /// <summary>
    /// Adds the names typed into "Add minister" and "Add portfolio" to the request's filters; a name that
    /// matches nothing (or too much) becomes a problem. On a minister's page the minister is the scope, so
    /// another minister is not added there (likewise portfolios).
    /// </summary>
    private async Task<SearchRequest> AddTypedNamesAsync(
        IQueryCollection query, SearchRequest request, ListingScope scope, bool storeReady, List<QueryProblem> problems, CancellationToken cancellationToken)
    {
        var typed = NameKind.All.Where(kind => !scope.Is(kind)).Select(kind => (Kind: kind, Names: Typed(query, kind.AddParameter()))).ToList();
        if (typed.All(t => t.Names.Count == 0))
        {
            return request;
        }

        if (!storeReady)
        {
            problems.Add(new(NameKind.Minister.AddParameter(), "Names cannot be looked up while the site is starting; try again shortly."));
            return request;
        }

        var changed = false;
        foreach (var (kind, names) in typed)
        {
            var known = await catalog.DisplayNamesAsync(kind, cancellationToken);
            var slugs = request.Selected(kind).ToList();
            foreach (var name in names)
            {
                var added = AddedName.Resolve(name, known, kind.SlugOf);
                if (added.Slug is not { } slug)
                {
                    problems.Add(new(kind.AddParameter(), added.Problem(kind.Singular)));
                }
                else if (!slugs.Contains(slug))
                {
                    slugs.Add(slug);
                    changed = true;
                }
            }

            request = request.WithSelected(kind, slugs);
        }

        // A new filter changes the list, so the old page number means nothing in it.
        return changed ? request with { Page = 1 } : request;
    }

    private static List<string> Typed(IQueryCollection query, string parameter) =>
        query[parameter].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();

    /// <summary>True once the index is open, waiting a few seconds for a starting one; false means "show the being-built notice".</summary>
    public async Task<bool> IsIndexReadyAsync(CancellationToken cancellationToken)
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
