using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

/// <summary>A minister or portfolio with how many current releases name it and the span of their dates.</summary>
public sealed record NameSummary(string Slug, string Name, int ReleaseCount, DateOnly? FirstDate, DateOnly? LastDate);

/// <summary>A release as its permalink page and the API show it.</summary>
public sealed record ReleaseDetail(
    int Id,
    string Slug,
    string Title,
    DateOnly? Date,
    string SourceUrl,
    string BodyHtml,
    string BodyText,
    IReadOnlyList<NameRef> Ministers,
    IReadOnlyList<NameRef> Portfolios,
    IReadOnlyList<AttachmentLink> Attachments,
    DateTimeOffset? RemovedAt)
{
    public bool IsRemoved => RemovedAt is not null;

    /// <summary>
    /// True when the store could not be reached and this was read from the search index instead: the text without
    /// its formatting (paragraphs only) and without attachments.
    /// </summary>
    public bool FromSearchIndex { get; init; }

    /// <summary>The store's change sequence at this release's latest change (0 when read from the index).</summary>
    public long ChangeSeq { get; init; }

    /// <summary>When the release last changed in the store (added, edited or removed); unknown when read from the index.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the store first held the current text of an edited release; null while it has no earlier version (docs/revisions.md).</summary>
    public DateTimeOffset? RevisedAt { get; init; }

    public IReadOnlyList<NameRef> NamesOf(NameKind kind) => kind == NameKind.Minister ? Ministers : Portfolios;
}

/// <summary>
/// Reads releases, ministers and portfolios from the store for pages that do not search. The minister and
/// portfolio lists are small and asked for often, so they are computed once per store change and cached.
/// While the store cannot be reached (<see cref="StoreAvailability"/>) the last lists computed are served, so a
/// node whose database is down keeps its pages; the release itself must then come from elsewhere (the index).
/// </summary>
public sealed class ReleaseCatalog(IDbContextFactory<PressReleasesDbContext> dbFactory, StoreAvailability availability)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? snapshot;
    private Snapshot? lastLoaded;
    private int generation;

    public ReleaseCatalog(IDbContextFactory<PressReleasesDbContext> dbFactory)
        : this(dbFactory, new StoreAvailability())
    {
    }

    public StoreAvailability Availability => availability;

    public async Task<ReleaseDetail?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsSafe(slug))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Release? release;
        try
        {
            release = await ReadConsistentlyAsync(db, slug, cancellationToken);
        }
        catch (Exception ex) when (db.IsUnavailable(ex))
        {
            availability.MarkDown(ex);
            throw new StoreUnavailableException(ex);
        }

        if (release is null)
        {
            return null;
        }

        return new ReleaseDetail(
            release.Id,
            release.Slug,
            release.Title,
            release.Date,
            release.SourceUrl,
            release.BodyHtml,
            release.BodyText,
            release.Ministers.OrderBy(m => m.Position).Select(m => new NameRef(m.Minister.Slug, m.Minister.Name)).ToList(),
            release.Portfolios.OrderBy(p => p.Position).Select(p => new NameRef(p.Portfolio.Slug, p.Portfolio.Name)).ToList(),
            AttachmentLink.Zip(release.Attachments, release.AttachmentNames),
            release.RemovedAt)
        {
            ChangeSeq = release.ChangeSeq,
            UpdatedAt = release.UpdatedAt,
            RevisedAt = release.RevisedAt,
        };
    }

    /// <summary>
    /// The release with its links, all from one ingest batch. The release and its links are read by
    /// separate statements (one statement joining them makes SQLite scan every link), so an ingest batch
    /// could commit between them; every batch that changes a release raises its change sequence, so the
    /// sequence is read again afterwards and, if it moved, the release is read again.
    /// </summary>
    private static async Task<Release?> ReadConsistentlyAsync(PressReleasesDbContext db, string slug, CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var release = await db.Releases.AsNoTracking()
                .Include(r => r.Ministers).ThenInclude(m => m.Minister)
                .Include(r => r.Portfolios).ThenInclude(p => p.Portfolio)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);
            if (release is null)
            {
                return null;
            }

            var changeSeq = await db.Releases.Where(r => r.Id == release.Id).Select(r => r.ChangeSeq).FirstOrDefaultAsync(cancellationToken);
            if (changeSeq == release.ChangeSeq || attempt == Attempts)
            {
                return release;
            }
        }
    }

    /// <summary>Every minister or portfolio that current releases name, sorted by name.</summary>
    public async Task<IReadOnlyList<NameSummary>> ListAsync(NameKind kind, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Names[kind].Current;

    /// <summary>One minister or portfolio that current releases name; null for any other slug.</summary>
    public async Task<NameSummary?> FindNameAsync(NameKind kind, string slug, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Names[kind].BySlug.GetValueOrDefault(slug);

    /// <summary>Display names by slug, for every minister or portfolio the store knows (current or not).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(NameKind kind, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Names[kind].DisplayNames;

    /// <summary>Both kinds' display names, as the search reads queries and facets with them.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Ministers, IReadOnlyDictionary<string, string> Portfolios)> NamesAsync(CancellationToken cancellationToken = default)
    {
        var current = await GetSnapshotAsync(cancellationToken);
        return (current.Names[NameKind.Minister].DisplayNames, current.Names[NameKind.Portfolio].DisplayNames);
    }

    /// <summary>
    /// Who held what, when: for a minister, the portfolios their current releases name; for a portfolio, the ministers
    /// who issued its current releases; each with how many releases and the first and last of their dates. Ordered
    /// by first date (undated last), then name. One grouped query over the name's own releases, kept until the store changes
    /// (with the minister and portfolio lists); empty for a name no current release has.
    /// </summary>
    public async Task<IReadOnlyList<NameSummary>> HeldWithAsync(NameKind kind, string slug, CancellationToken cancellationToken = default)
    {
        var current = await GetSnapshotAsync(cancellationToken);
        if (current.HeldWith.TryGetValue((kind, slug), out var kept))
        {
            return kept;
        }

        var startedAt = Volatile.Read(ref generation);
        var spans = await ReadHeldWithAsync(kind, slug, cancellationToken);
        // Kept with the lists it agrees with, for a name they hold: not when the store changed meanwhile, nor from lists
        // served stale while the store was away.
        if (ReferenceEquals(snapshot, current) && Volatile.Read(ref generation) == startedAt && current.Names[kind].BySlug.ContainsKey(slug))
        {
            current.HeldWith.TryAdd((kind, slug), spans);
        }

        return spans;
    }

    private async Task<IReadOnlyList<NameSummary>> ReadHeldWithAsync(NameKind kind, string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var spans = await (
                from mine in NameTables.For(kind).Links(db)
                where mine.Slug == slug
                join release in db.Releases on mine.ReleaseId equals release.Id
                where release.RemovedAt == null
                join theirs in NameTables.For(kind.Other).Links(db) on release.Id equals theirs.ReleaseId
                group release by new { theirs.Slug, theirs.Name } into g
                select new NameSummary(g.Key.Slug, g.Key.Name, g.Count(), g.Min(r => r.Date), g.Max(r => r.Date)))
                .ToListAsync(cancellationToken);
            return [.. spans
                .OrderBy(s => s.FirstDate is null)
                .ThenBy(s => s.FirstDate)
                .ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)];
        }
        catch (Exception ex) when (db.IsUnavailable(ex))
        {
            availability.MarkDown(ex);
            throw new StoreUnavailableException(ex);
        }
    }

    /// <summary>Releases currently published (not removed).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ReleaseCount;

    /// <summary>The release count of the last lists read, without asking the store (null before the first read).</summary>
    public int? LastKnownCount => (snapshot ?? lastLoaded)?.ReleaseCount;

    /// <summary>
    /// Raised by <see cref="Invalidate"/>: whatever else was made from the store (a web node's cached feeds and
    /// sitemaps) is out of date too. Handlers run on the caller's thread and must be quick.
    /// </summary>
    public event Action? Invalidated;

    /// <summary>Called after the store changes so the next read recomputes the lists.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        snapshot = null;
        Invalidated?.Invoke();
    }

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (snapshot is { } current)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } loaded)
            {
                return loaded;
            }

            // While the store is away, the last lists serve without waiting for it; it is asked again now and then.
            if (lastLoaded is { } last && !availability.ShouldTry())
            {
                return last;
            }

            // A store change during the load makes what was read stale: use it for this call, keep it for none.
            var startedAt = Volatile.Read(ref generation);
            Snapshot fresh;
            try
            {
                fresh = await LoadAsync(cancellationToken);
            }
            catch (StoreUnavailableException) when (lastLoaded is { } stale)
            {
                return stale;
            }

            lastLoaded = fresh;
            if (Volatile.Read(ref generation) == startedAt)
            {
                snapshot = fresh;
            }

            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var loaded = await LoadAsync(db, cancellationToken);
            availability.MarkUp();
            return loaded;
        }
        catch (Exception ex) when (db.IsUnavailable(ex))
        {
            availability.MarkDown(ex);
            throw new StoreUnavailableException(ex);
        }
    }

    private static async Task<Snapshot> LoadAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        var names = new Dictionary<NameKind, NameList>();
        foreach (var kind in NameKind.All)
        {
            var tables = NameTables.For(kind);
            var current = await (
                from link in tables.Links(db)
                join release in db.Releases on link.ReleaseId equals release.Id
                where release.RemovedAt == null
                group release by new { link.Slug, link.Name } into g
                select new NameSummary(g.Key.Slug, g.Key.Name, g.Count(), g.Min(r => r.Date), g.Max(r => r.Date)))
                .ToListAsync(cancellationToken);
            current.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.CurrentCultureIgnoreCase));
            names[kind] = new NameList(current, current.ToDictionary(n => n.Slug), await tables.NamesBySlugAsync(db, cancellationToken));
        }

        var count = await db.Releases.CountAsync(r => r.RemovedAt == null, cancellationToken);
        return new Snapshot(names, count);
    }

    /// <param name="Current">Names current releases use, sorted by name.</param>
    /// <param name="DisplayNames">Every stored name's display name, by slug.</param>
    private sealed record NameList(IReadOnlyList<NameSummary> Current, IReadOnlyDictionary<string, NameSummary> BySlug, IReadOnlyDictionary<string, string> DisplayNames);

    private sealed record Snapshot(IReadOnlyDictionary<NameKind, NameList> Names, int ReleaseCount)
    {
        /// <summary>Each name's <see cref="HeldWithAsync"/> as first asked for while these lists are current.</summary>
        public ConcurrentDictionary<(NameKind Kind, string Slug), IReadOnlyList<NameSummary>> HeldWith { get; } = new();
    }
}
