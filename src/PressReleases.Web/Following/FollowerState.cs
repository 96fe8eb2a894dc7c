using PressReleases.Core.Store;

namespace PressReleases.Web.Following;

/// <summary>What this node's follower last saw of the store, for <c>/healthz</c>.</summary>
public sealed class FollowerState
{
    private StoreVersion? seen;

    /// <summary>The store's version at the follower's last successful look; null before the first.</summary>
    public StoreVersion? Seen => Volatile.Read(ref seen);

    internal void Saw(StoreVersion version) => Volatile.Write(ref seen, version);
}
