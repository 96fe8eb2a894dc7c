using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;

namespace PressReleases.Core.Reannouncements;

/// <summary>Another release much of whose text a release shares, as that release's page lists it.</summary>
/// <param name="Share">The share of the page's release's text that also appears in this one (0 to 1).</param>
/// <param name="OtherShare">The share of this one's text that also appears in the page's release.</param>
/// <param name="IsFirst">This one is the first appearance: the earliest of the page's release and all it links to.</param>
public sealed record ReannouncementLink(string Slug, string Title, DateOnly? Date, double Share, double OtherShare, bool IsFirst)
{
    /// <summary>
    /// Much of the page's release's text is in this one. Otherwise the pair was kept for the other direction: much
    /// of this one's text is in the page's release (a short release repeated inside a longer one).
    /// </summary>
    public bool HasMuchOfThisText => Share >= ReannouncementRules.MinShare;
}

/// <summary>A release's re-announcement links, first appearance first.</summary>
/// <param name="IsFirst">The release itself is the first appearance of the text it shares (false when it has no links).</param>
public sealed record ReleaseReannouncements(IReadOnlyList<ReannouncementLink> Links, bool IsFirst)
{
    public static readonly ReleaseReannouncements None = new([], false);
}

/// <summary>A release in a group of re-announcements.</summary>
/// <param name="Share">The largest share of its text that appears in any one other release of the group.</param>
public sealed record ClusterMember(string Slug, string Title, DateOnly? Date, double Share);

/// <summary>Releases joined by re-announcement pairs (directly or through one another), first appearance first.</summary>
public sealed record ReannouncementCluster(IReadOnlyList<ClusterMember> Members)
{
    public ClusterMember First => Members[0];
}

/// <summary>One page of the groups, largest first.</summary>
public sealed record ReannouncementClusterPage(int ClusterCount, int ReleaseCount, int Page, int PageCount, IReadOnlyList<ReannouncementCluster> Clusters);

/// <summary>
/// Reads the re-announcement pairs the ingest stored (<see cref="ReannouncementDetector"/>): one release's links for
/// its page and the API, read on each call for the releases that have any (which are known from one set kept
/// like the groups), and the groups for <c>/reannouncements</c>. A group is a connected
/// component of the pairs: releases linked directly or through others. The groups come from every pair (a few thousand
/// small rows on the full corpus, about 45 ms), so they are computed once and kept until the store changes: pairs change
/// only inside an ingest run, and every run ends by emptying <see cref="ReleaseCatalog"/>, as a web node's follower
/// does when it sees a run end. Removed releases are left out.
/// </summary>
public sealed class ReannouncementCatalog
{
    private readonly IDbContextFactory<PressReleasesDbContext> dbFactory;
    private readonly StoreAvailability availability;
    private List<ReannouncementCluster>? groups;
    private HashSet<int>? paired;
    private int generation;

    public ReannouncementCatalog(IDbContextFactory<PressReleasesDbContext> dbFactory, ReleaseCatalog catalog)
    {
        this.dbFactory = dbFactory;
        availability = catalog.Availability;
        catalog.Invalidated += () =>
        {
            Interlocked.Increment(ref generation);
            groups = null;
            paired = null;
        };
    }

    public async Task<ReleaseReannouncements> ForReleaseAsync(int releaseId, DateOnly? date, string slug, CancellationToken cancellationToken = default)
    {
        // Most releases are in no pair: known from one set held until the store changes, without a query per page.
        if (!(paired ?? await LoadPairedAsync(cancellationToken)).Contains(releaseId))
        {
            return ReleaseReannouncements.None;
        }

        var rows = await ReadAsync(
            db => (from pair in db.Reannouncements
                   where pair.ReleaseId == releaseId
                   join other in db.Releases on pair.OtherId equals other.Id
                   where other.RemovedAt == null
                   join back in db.Reannouncements on new { From = pair.OtherId, To = pair.ReleaseId } equals new { From = back.ReleaseId, To = back.OtherId }
                   select new { other.Slug, other.Title, other.Date, pair.Share, OtherShare = back.Share })
                .ToListAsync(cancellationToken),
            cancellationToken);
        if (rows.Count == 0)
        {
            return ReleaseReannouncements.None;
        }

        rows.Sort((a, b) => AppearanceOrder.Compare(a.Date, a.Slug, b.Date, b.Slug));
        var earliest = rows[0];
        var selfFirst = AppearanceOrder.Compare(date, slug, earliest.Date, earliest.Slug) < 0;
        var links = rows.Select(r => new ReannouncementLink(r.Slug, r.Title, r.Date, r.Share, r.OtherShare, !selfFirst && ReferenceEquals(r, earliest))).ToList();
        return new ReleaseReannouncements(links, selfFirst);
    }

    /// <summary>
    /// One page of the groups: largest first, then by their first appearance (earliest first). A page past the
    /// last holds no groups.
    /// </summary>
    public async Task<ReannouncementClusterPage> ClustersAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var all = groups ?? await LoadGroupsAsync(cancellationToken);
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        return new ReannouncementClusterPage(
            all.Count,
            all.Sum(c => c.Members.Count),
            page,
            pageCount,
            [.. all.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    /// <summary>The releases that have at least one pair (a few thousand ids on the full corpus).</summary>
    private async Task<HashSet<int>> LoadPairedAsync(CancellationToken cancellationToken)
    {
        var startedAt = Volatile.Read(ref generation);
        var loaded = await ReadAsync(async db => (await db.Reannouncements.Select(p => p.ReleaseId).Distinct().ToListAsync(cancellationToken)).ToHashSet(), cancellationToken);
        if (Volatile.Read(ref generation) == startedAt)
        {
            paired = loaded;
        }

        return loaded;
    }

    private async Task<List<ReannouncementCluster>> LoadGroupsAsync(CancellationToken cancellationToken)
    {
        // A store change during the load makes what was read stale: use it for this call, keep it for none.
        var startedAt = Volatile.Read(ref generation);
        var (pairs, releases) = await ReadAsync(
            async db =>
            {
                var current = db.Releases.Where(r => r.RemovedAt == null);
                var pairRows = await (
                    from pair in db.Reannouncements
                    join mine in current on pair.ReleaseId equals mine.Id
                    join other in current on pair.OtherId equals other.Id
                    select new { pair.ReleaseId, pair.OtherId, pair.Share })
                    .ToListAsync(cancellationToken);
                var releaseRows = await current
                    .Where(r => db.Reannouncements.Any(p => p.ReleaseId == r.Id))
                    .Select(r => new { r.Id, r.Slug, r.Title, r.Date })
                    .ToDictionaryAsync(r => r.Id, cancellationToken);
                return (pairRows, releaseRows);
            },
            cancellationToken);

        var connected = new ConnectedGroups();
        var bestShare = new Dictionary<int, double>();
        foreach (var pair in pairs)
        {
            connected.Join(pair.ReleaseId, pair.OtherId);
            bestShare[pair.ReleaseId] = Math.Max(bestShare.GetValueOrDefault(pair.ReleaseId), pair.Share);
        }

        var inAppearanceOrder = Comparer<ClusterMember>.Create((a, b) => AppearanceOrder.Compare(a.Date, a.Slug, b.Date, b.Slug));
        var loaded = connected.Groups()
            .Select(ids => new ReannouncementCluster([.. ids
                .Select(id => releases[id])
                .Select(r => new ClusterMember(r.Slug, r.Title, r.Date, bestShare[r.Id]))
                .Order(inAppearanceOrder)]))
            .OrderByDescending(c => c.Members.Count)
            .ThenBy(c => c.First, inAppearanceOrder)
            .ToList();
        if (Volatile.Read(ref generation) == startedAt)
        {
            groups = loaded;
        }

        return loaded;
    }

    private Task<T> ReadAsync<T>(Func<PressReleasesDbContext, Task<T>> read, CancellationToken cancellationToken) =>
        availability.ReadAsync(dbFactory, read, cancellationToken);
}
