using PressReleases.Core.Store;

namespace PressReleases.Web.Following;

/// <summary>What this node's follower last saw of the store, for <c>/healthz</c> and the metrics.</summary>
public sealed class FollowerState
{
    private StoreVersion? seen;
    private LastIngest? lastIngest;

    /// <summary>The store's version at the follower's last successful look; null before the first.</summary>
    public StoreVersion? Seen => Volatile.Read(ref seen);

    /// <summary>The latest completed ingest run the follower has read; null before the first read, or while none has completed.</summary>
    public LastIngest? LastIngest => Volatile.Read(ref lastIngest);

    /// <summary>The run <see cref="LastIngest"/> was read for (the store's latest ended run then); -1 before the first read.</summary>
    internal int LastIngestReadAtRun { get; private set; } = -1;

    internal void Saw(StoreVersion version) => Volatile.Write(ref seen, version);

    internal void Read(LastIngest? ingest, int atRun)
    {
        Volatile.Write(ref lastIngest, ingest);
        LastIngestReadAtRun = atRun;
    }
}
