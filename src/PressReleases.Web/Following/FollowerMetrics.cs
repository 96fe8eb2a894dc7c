using System.Diagnostics.Metrics;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Following;

/// <summary>
/// Gauges, read at each scrape, of what the follower last saw of the store (<see cref="FollowerState"/>): how far
/// this node's index is behind the store, and the latest completed ingest. Nothing is asked of the store during a
/// scrape, so a scrape is cheap and still answers while the store is out of reach (with the last values seen).
/// Each gauge reports nothing until the follower has looked once, rather than a made-up zero.
/// </summary>
public sealed class FollowerMetrics
{
    private readonly FollowerState state;
    private readonly StartupState startup;
    private readonly IServiceProvider services;

    public FollowerMetrics(IMeterFactory meters, FollowerState state, StartupState startup, IServiceProvider services)
    {
        this.state = state;
        this.startup = startup;
        this.services = services;
        var meter = meters.Create(SearchMetrics.MeterName);
        meter.CreateObservableGauge(
            "pressreleases.index.lag",
            IndexLag,
            "{change}",
            "Store changes this node's index does not reflect yet: the store's change sequence at the follower's last look minus the index's");
        meter.CreateObservableGauge(
            "pressreleases.ingest.last_completed",
            LastCompleted,
            "s",
            "When the latest completed ingest run finished, in seconds since the Unix epoch");
        meter.CreateObservableGauge(
            "pressreleases.ingest.last_files",
            LastFiles,
            "{file}",
            "What the latest completed ingest run did, by outcome: added, updated, unchanged, removed (file gone) or rejected");
    }

    private IEnumerable<Measurement<long>> IndexLag()
    {
        // The index is opened by the start-up service; before it is ready there is nothing to compare.
        if (state.Seen is not { } seen || startup.Status != StartupStatus.Ready)
        {
            return [];
        }

        // An ingest in this process indexes as it writes, so the index can be ahead of the follower's last look
        // for a moment: that is no lag.
        var index = services.GetRequiredService<SearchIndex>();
        return [new(Math.Max(0, seen.ChangeSeq - index.CommittedChangeSeq))];
    }

    private IEnumerable<Measurement<double>> LastCompleted() =>
        state.LastIngest is { } last ? [new(last.FinishedAt.ToUnixTimeMilliseconds() / 1000.0)] : [];

    private IEnumerable<Measurement<long>> LastFiles()
    {
        if (state.LastIngest is not { } last)
        {
            return [];
        }

        return
        [
            Outcome(last.Added, "added"),
            Outcome(last.Updated, "updated"),
            Outcome(last.Unchanged, "unchanged"),
            Outcome(last.Removed, "removed"),
            Outcome(last.Rejected, "rejected"),
        ];
    }

    private static Measurement<long> Outcome(int count, string outcome) => new(count, new KeyValuePair<string, object?>("outcome", outcome));
}
