using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Api;
using PressReleases.Web.Caching;
using PressReleases.Web.Discovery;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Feeds;

/// <summary>
/// GET /feeds/releases.atom: the latest releases of any listing state as Atom 1.0. It reads the listing's
/// parameters with the listing's parser, so <c>?minister=jacinda-ardern</c> is a minister's feed and
/// <c>?q=housing</c> a saved search. Always newest first; releases without a known date are left out,
/// because an entry needs a date and inventing one would put it at the top or bottom of every reader.
/// </summary>
public static class FeedEndpoint
{
    public const string Path = ListingLinks.FeedPath;

    /// <summary>Entries per feed: the latest ones; readers poll, so older releases were seen before.</summary>
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapPressReleaseFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAsync)
            .CacheUntilStoreChanges()
            .WithStoreValidators()
            .WithName("ReleasesFeed")
            .WithTags("Feeds")
            .WithSummary("The latest releases of a listing as an Atom feed")
            .WithDescription("The 50 newest dated releases matching the listing parameters (sort is ignored: always newest first). Entry ids are the releases' absolute permalinks.")
            .WithListingParameters(ListingSurface.Feed)
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, StartupState startup, SearchService search, SearchMetrics metrics, ReleaseCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A feed's order is fixed and it has one page: order and paging left in a copied listing URL are ignored.
        var (request, problems) = ListingQuery.Parse(context.Request.Query, ListingSurface.Feed);
        if (ApiProblems.Invalid(problems) is { } invalid)
        {
            return invalid;
        }

        if (await ApiProblems.WaitAsync(context, startup.WhenIndexReady, cancellationToken) is { } notReady)
        {
            return notReady;
        }

        // A lower date bound leaves out undated releases (they have no date to compare), and they are the
        // only ones it can leave out.
        var latest = request with
        {
            Sort = SearchSort.Newest,
            Page = 1,
            PageSize = MaxEntries,
            FacetLimit = 0,
            From = request.From ?? DateOnly.MinValue,
        };
        var result = await metrics.SearchAsync(search, latest, SearchMetrics.Feed, cancellationToken);
        var names = new Dictionary<NameKind, IReadOnlyDictionary<string, string>>();
        foreach (var kind in NameKind.All)
        {
            names[kind] = await catalog.DisplayNamesAsync(kind, cancellationToken);
        }

        // The listing that shows what the feed shows: newest first, which needs saying only with a query.
        var listing = new ListingState(ListingScope.All, request with { Sort = request.HasQuery ? SearchSort.Newest : null }).Url();
        var self = ListingParameters.Link(Path, request, ListingSurface.Feed);
        var title = ListingTitle.For(request, (kind, slug) => names[kind].GetValueOrDefault(slug, slug));

        return new AtomFeedResult(ReleaseFeed.Build(title, SiteUrl.Base(context.Request), listing, self, result.Items, clock.GetUtcNow()));
    }
}
