using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Following;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /healthz: 200 once the store and index are open and caught up ("ready", or "degraded" while the store is
    /// out of reach and the node serves from its own index: a load balancer should keep sending it requests), 503
    /// before (while the index is built) and after a failed start. It never waits: a probe needs an answer now.
    /// </summary>
    public static IEndpointRouteBuilder MapPressReleaseHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetAsync)
            .BypassRequestQueue()
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the site is ready, with its release counts")
            .WithDescription("200 {status: ready, releases: {stored, indexed}, store: {provider, reachable, changeSeq, indexedChangeSeq}} once the store and index are open; 200 {status: degraded, …, store: {reachable: false, error, unreachableSince}} while the store is out of reach and searches and release pages are served from this node's index; 503 {status: starting} before, {status: failed} after a failed start.")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> GetAsync(StartupState startup, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (startup.Status)
        {
            case StartupStatus.Ready:
                var catalog = services.GetRequiredService<ReleaseCatalog>();
                var index = services.GetRequiredService<SearchIndex>();
                var outage = services.GetRequiredService<StoreAvailability>().Outage;
                // While the store is away the probe must not wait for it: the last count read will do.
                var stored = outage is null ? await catalog.CountAsync(cancellationToken) : catalog.LastKnownCount ?? 0;
                var store = new HealthStore(
                    services.GetRequiredService<StoreLocation>().Provider.ToString(),
                    outage is null,
                    services.GetRequiredService<FollowerState>().Seen?.ChangeSeq,
                    index.CommittedChangeSeq,
                    outage?.Error,
                    outage?.Since);
                return TypedResults.Ok(new HealthResponse(outage is null ? "ready" : "degraded", new HealthCounts(stored, index.DocumentCount), store));
            case StartupStatus.Failed:
                return TypedResults.Json(new HealthResponse("failed", null), statusCode: StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.Json(new HealthResponse("starting", null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
