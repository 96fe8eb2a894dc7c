using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Search;
using PressReleases.Web.Caching;
using PressReleases.Web.Following;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>The JSON API: the same searches as the pages (same parameters, same parser), as data.</summary>
public static class ReleasesApi
{
    /// <summary>How many related releases a release lists (the page shows the same number).</summary>
    public const int RelatedCount = 5;

    public static IEndpointRouteBuilder MapPressReleaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/releases").WithTags("Releases");
        api.MapGet("/", ListAsync)
            .WithName("ListReleases")
            .WithSummary("Search and list releases, one page at a time")
            .WithDescription("The same search as /releases: words, filters, order and page in; the page of hits, exact facet counts and how the query was read out. Without a query the newest releases come first.")
            .WithListingParameters(ListingSurface.Api)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{slug}", GetAsync)
            .WithName("GetRelease")
            .WithSummary("One release, with its body and related releases")
            .WithDescription("404 for an unknown slug; 410 for a release withdrawn from the source, with the original url, removedAt and its last version as `release`.")
            .WithSlugParameter()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ReleaseListResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpContext context, StartupState startup, SearchService search, SearchMetrics metrics, CancellationToken cancellationToken)
    {
        var (request, problems) = ListingQuery.Parse(context.Request.Query, ListingSurface.Api);
        if (ApiProblems.Invalid(problems) is { } invalid)
        {
            return invalid;
        }

        if (await ApiProblems.WaitAsync(context, startup.WhenIndexReady, cancellationToken) is { } notReady)
        {
            return notReady;
        }

        var result = await metrics.SearchAsync(search, request, SearchMetrics.Api, cancellationToken);
        CacheHeaders.ShortLived(context);
        return TypedResults.Ok(ReleaseListResponse.From(result));
    }

    private static async Task<Results<Ok<ReleaseResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string slug, HttpContext context, StartupState startup, ReleaseLookup releases, SearchService search, ServedVersion served, ReannouncementLookup reannouncements, CancellationToken cancellationToken)
    {
        var found = await ReleaseProblems.FindAsync(slug, context, startup, releases, cancellationToken);
        if (found.Failed)
        {
            return found.Problem;
        }

        var release = found.Release;
        if (release.IsRemoved)
        {
            // Its last version, as a 200 would give it (without related releases): what was withdrawn stays readable.
            return ReleaseProblems.Withdrawn(release, "release", ReleaseResponse.From(release, [], ReleaseReannouncements.None));
        }

        if (CacheHeaders.IsNotModified(context, served.OfRelease(release)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // Related releases come from the index; the release itself only needs the store, so it is not held back for them.
        var related = startup.IsIndexReady ? await search.RelatedAsync(release.Slug, RelatedCount, cancellationToken) : [];
        return TypedResults.Ok(ReleaseResponse.From(release, related, await reannouncements.ForAsync(release, cancellationToken)));
    }
}
