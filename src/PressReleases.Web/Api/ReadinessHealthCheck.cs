using Microsoft.Extensions.Diagnostics.HealthChecks;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>
/// Whether this node can serve: healthy once the store and index are open and caught up, degraded while the store is
/// out of reach (the node serves from its own index, so a balancer should keep it), unhealthy before (the index is
/// being built) and after a failed start. The answer's body, as <c>/healthz</c> writes it, travels in the result's
/// data. It never waits for the store: a probe needs an answer now.
/// </summary>
internal sealed class ReadinessHealthCheck(StartupState startup, IServiceProvider services) : IHealthCheck
{
    public const string Name = "ready";

    /// <summary>The key of the <see cref="HealthResponse"/> in <see cref="HealthCheckResult.Data"/>.</summary>
    public const string ResponseKey = "response";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
                var counts = new HealthCounts(stored, index.PublishedCount);
                return outage is null
                    ? Result(HealthStatus.Healthy, new HealthResponse("ready", counts, store))
                    : Result(HealthStatus.Degraded, new HealthResponse("degraded", counts, store));
            case StartupStatus.Failed:
                return Result(HealthStatus.Unhealthy, new HealthResponse("failed", null));
            default:
                return Result(HealthStatus.Unhealthy, new HealthResponse("starting", null));
        }
    }

    private static HealthCheckResult Result(HealthStatus status, HealthResponse response) =>
        new(status, response.Status, data: new Dictionary<string, object> { [ResponseKey] = response });
}
