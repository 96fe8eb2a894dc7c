using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /healthz: 200 once the store and index are open and caught up, 503 before and after a failed start.
    /// It never waits for startup: a probe needs an answer now.
    /// </summary>
    public static IEndpointRouteBuilder MapPressReleaseHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetAsync)
            .BypassRequestQueue()
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the site is ready, with its release counts")
            .WithDescription("200 {status: ready, releases: {stored, indexed}} once the store and index are open; 503 {status: starting} before, {status: failed} after a failed start.")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> GetAsync(StartupState startup, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (startup.Status)
        {
            case StartupStatus.Ready:
                var stored = await services.GetRequiredService<ReleaseCatalog>().CountAsync(cancellationToken);
                var indexed = services.GetRequiredService<SearchIndex>().DocumentCount;
                return TypedResults.Ok(new HealthResponse("ready", new HealthCounts(stored, indexed)));
            case StartupStatus.Failed:
                return TypedResults.Json(new HealthResponse("failed", null), statusCode: StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.Json(new HealthResponse("starting", null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
