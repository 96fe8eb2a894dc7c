using Microsoft.Extensions.Diagnostics.HealthChecks;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Api;

/// <summary>
/// The probes, on ASP.NET Core's health checks: <c>/healthz</c> is readiness (may this node get requests?) and
/// <c>/healthz/live</c> liveness (does the process answer at all?). Neither waits in the request queue.
/// </summary>
public static class HealthEndpoint
{
    private const string ReadyTag = "ready";
    private const string LiveTag = "live";

    public static WebApplicationBuilder AddPressReleaseHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessHealthCheck>(ReadinessHealthCheck.Name, tags: [ReadyTag])
            // Answering is the whole check: a process that serves this is alive, whatever its index is doing.
            .AddCheck(LiveTag, () => HealthCheckResult.Healthy("the process answers"), tags: [LiveTag]);

        // The service logs every unhealthy result as an error: during an index build that is every probe, a second
        // apart, about a state the start-up service has already logged once. Failures of its own still show.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        return builder;
    }

    public static IEndpointRouteBuilder MapPressReleaseHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetReadyAsync)
            .BypassRequestQueue()
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the site is ready, with its release counts")
            .WithDescription("200 {status: ready, releases: {stored, indexed}, store: {provider, reachable, changeSeq, indexedChangeSeq}} once the store and index are open; 200 {status: degraded, …, store: {reachable: false, error, unreachableSince}} while the store is out of reach and searches and release pages are served from this node's index; 503 {status: starting} before, {status: failed} after a failed start.")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/healthz/live", GetLiveAsync)
            .BypassRequestQueue()
            .WithName("Liveness")
            .WithTags("Health")
            .WithSummary("Whether the process answers")
            .WithDescription("200 {status: live} whenever the process can answer, also while its index is built or its store is out of reach; for a restart policy, not for routing (use /healthz).")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> GetReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var entry = report.Entries[ReadinessHealthCheck.Name];
        // A check that threw has no response of its own; it must still read as not ready.
        var response = entry.Data.TryGetValue(ReadinessHealthCheck.ResponseKey, out var value) && value is HealthResponse written
            ? written
            : new HealthResponse("failed", null);
        return TypedResults.Json(response, statusCode: StatusCodeOf(report.Status));
    }

    private static async Task<IResult> GetLiveAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(LiveTag), cancellationToken);
        return TypedResults.Json(new HealthResponse(report.Status == HealthStatus.Unhealthy ? "failed" : "live", null), statusCode: StatusCodeOf(report.Status));
    }

    /// <summary>Degraded still serves (from the node's own index), so a balancer must keep sending it requests.</summary>
    private static int StatusCodeOf(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
}
