using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Web.Display;
using PressReleases.Web.Pages.Releases;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>The JSON API: the same searches as the pages (same parameters, same parser), as data.</summary>
public static class ReleasesApi
{
    /// <summary>How long a request waits for a starting store or index before answering 503.</summary>
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    /// <summary>How many related releases a release lists (the page shows the same number).</summary>
    public const int RelatedCount = 5;

    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/releases");
        api.MapGet("/", ListAsync).WithName("ListReleases");
        api.MapGet("/{slug}", GetAsync).WithName("GetRelease");
        return app;
    }

    private static async Task<Results<Ok<ReleaseListResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpContext context, StartupState startup, SearchService search, CancellationToken cancellationToken)
    {
        var (request, problems) = ReleaseListQuery.Parse(context.Request.Query);
        if (problems.Count > 0)
        {
            var errors = problems
                .GroupBy(p => p.Parameter)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters", detail: $"Check: {string.Join(", ", errors.Keys)}.");
        }

        if (await WaitAsync(startup.WhenIndexReady, cancellationToken) is { } notReady)
        {
            context.Response.Headers.RetryAfter = "10";
            return notReady;
        }

        var result = await search.SearchAsync(request, cancellationToken);
        return TypedResults.Ok(ReleaseListResponse.From(result));
    }

    private static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> GetAsync(
        string slug, HttpContext context, StartupState startup, ReleaseCatalog catalog, SearchService search, CancellationToken cancellationToken)
    {
        if (await WaitAsync(startup.WhenStoreReady, cancellationToken) is { } notReady)
        {
            context.Response.Headers.RetryAfter = "10";
            return notReady;
        }

        var release = await catalog.FindAsync(slug, cancellationToken);
        if (release is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Release not found",
                detail: $"There is no release with the slug '{slug}'.");
        }

        if (release.IsRemoved)
        {
            var removed = release.RemovedAt is { } at ? $" on {Format.IsoDate(DateOnly.FromDateTime(at.UtcDateTime))}" : "";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "Release withdrawn",
                detail: $"The release '{release.Title}' was removed from the source{removed}.",
                extensions: new Dictionary<string, object?> { ["url"] = release.SourceUrl, ["removedAt"] = release.RemovedAt });
        }

        // Related releases come from the index; the release itself only needs the store, so it is not held back for them.
        var related = startup.IsIndexReady ? await search.RelatedAsync(release.Slug, RelatedCount, cancellationToken) : [];
        return TypedResults.Ok(ReleaseResponse.From(release, related));
    }

    /// <summary>Null once <paramref name="ready"/> has completed; a 503 problem if it does not in time or startup failed.</summary>
    private static async Task<ProblemHttpResult?> WaitAsync(Task ready, CancellationToken cancellationToken)
    {
        try
        {
            await ready.WaitAsync(StartupWait, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting", detail: "The site is still opening its store and search index; try again shortly.");
        }
        catch (StartupFailedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable", detail: "The site failed to start; see its log.");
        }
    }
}
