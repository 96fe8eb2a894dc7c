using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Api;
using PressReleases.Web.Pages.Releases;
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
    public const string Path = "/feeds/releases.atom";

    /// <summary>Entries per feed: the latest ones; readers poll, so older releases were seen before.</summary>
    public const int MaxEntries = 50;

    /// <summary>Parameters a feed does not use (its order is fixed, it has one page); a copied listing URL may carry them.</summary>
    private static readonly string[] IgnoredParameters = ["sort", "page", "pageSize", "facetLimit"];

    public static IEndpointRouteBuilder MapReleaseFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAsync)
            .WithName("ReleasesFeed")
            .WithTags("Feeds")
            .WithSummary("The latest releases of a listing as an Atom feed")
            .WithDescription("The 50 newest dated releases matching the listing parameters (sort is ignored: always newest first). Entry ids are the releases' absolute permalinks.")
            .WithListingParameters(ListingParameters.Feed)
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, StartupState startup, SearchService search, ReleaseCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, problems) = ReleaseListQuery.Parse(context.Request.Query);
        if (ApiProblems.Invalid(problems.Where(p => !IgnoredParameters.Contains(p.Parameter))) is { } invalid)
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
        var result = await search.SearchAsync(latest, cancellationToken);

        // The listing that shows what the feed shows: newest first, which needs saying only with a query.
        var listing = ReleaseListState.For("/releases", request) with { Sort = request.HasQuery ? SearchSort.Newest : null, Page = 1 };
        var self = listing with { BasePath = Path, Sort = null };
        var (ministers, portfolios) = await catalog.NamesAsync(cancellationToken);
        var title = FeedTitle.For(
            request.Query,
            request.Ministers.Select(s => ministers.GetValueOrDefault(s, s)),
            request.Portfolios.Select(s => portfolios.GetValueOrDefault(s, s)),
            request.From,
            request.To);

        var siteBase = $"{context.Request.Scheme}://{context.Request.Host}";
        return new AtomFeedResult(ReleaseFeed.Build(title, siteBase, listing.Url(), self.Url(), result.Items, clock.GetUtcNow()));
    }
}
