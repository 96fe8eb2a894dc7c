using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases/{slug}/history: a release's versions as data (docs/revisions.md, docs/api.md).</summary>
public static class ReleaseHistoryApi
{
    public static IEndpointRouteBuilder MapPressReleaseHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/releases").WithTags("Releases")
            .MapGet("/{slug}/history", GetAsync)
            .WithName("GetReleaseHistory")
            .WithSummary("Every version of a release this site has seen")
            .WithDescription("Oldest first, the current version last, each with when an ingest first and last saw it (UTC). A release never edited has one version. 404 for an unknown slug; 410 for a release withdrawn from the source, with the original url, removedAt and its versions as `history`; 503 while the store is out of reach.")
            .WithSlugParameter()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ReleaseHistoryResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string slug, HttpContext context, StartupState startup, ReleaseLookup releases, ReleaseHistoryReader histories, ServedVersion served, CancellationToken cancellationToken)
    {
        var found = await ReleaseProblems.FindAsync(slug, context, startup, releases, cancellationToken);
        if (found.Failed)
        {
            return found.Problem;
        }

        var release = found.Release;
        ReleaseHistory? history = null;
        try
        {
            history = release.FromSearchIndex ? null : await histories.FindAsync(slug, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // Answered below: the index keeps no history.
        }

        if (history is null)
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable", detail: "The database is out of reach just now, and the history of a release is kept only there; try again shortly.");
        }

        if (release.IsRemoved)
        {
            // As /api/releases/{slug} answers a withdrawn release, with what a 200 would give: its history stays readable.
            return ReleaseProblems.Withdrawn(release, "history", ReleaseHistoryResponse.From(history));
        }

        if (CacheHeaders.IsNotModified(context, served.OfRelease(release with { ChangeSeq = history.ChangeSeq, UpdatedAt = history.UpdatedAt })))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(ReleaseHistoryResponse.From(history));
    }
}
