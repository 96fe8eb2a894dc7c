using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

/// <summary>One version of a release as its history shows it; <see cref="Number"/> counts from 1, the first seen.</summary>
public sealed record HistoryVersion(int Number, ReleaseContent Content, string BodyHtml, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool IsCurrent);

/// <summary>
/// Every version of a release the store has seen, oldest first: the kept earlier ones, then the current one (always
/// last, and the only one when the release was never edited). <see cref="ChangeSeq"/> and <see cref="UpdatedAt"/> are
/// the release's, read with the versions, for HTTP validators.
/// </summary>
public sealed record ReleaseHistory(int ReleaseId, string Slug, string SourceUrl, DateTimeOffset? RemovedAt, long ChangeSeq, DateTimeOffset UpdatedAt, IReadOnlyList<HistoryVersion> Versions)
{
    public HistoryVersion Current => Versions[^1];

    public bool WasEdited => Versions.Count > 1;
}

/// <summary>
/// Reads a release's revision history from the store (docs/revisions.md). A release's last-seen time is not stored on
/// it (every ingest would have to write every release): the current version was last seen by the latest completed
/// ingest of its folder.
/// </summary>
public sealed class ReleaseHistoryReader(IDbContextFactory<PressReleasesDbContext> dbFactory, StoreAvailability availability)
{
    /// <summary>The release's versions, oldest first; null for an unknown slug.</summary>
    public Task<ReleaseHistory?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        Slugs.IsSafe(slug) ? ReadAsync(db => ReadConsistentlyAsync(db, slug, cancellationToken), cancellationToken) : Task.FromResult<ReleaseHistory?>(null);

    /// <summary>
    /// When each version of the release was first seen, oldest first, the current one last; empty when the release has
    /// never been edited. One indexed look at its versions (and, only when it has some, one at the release).
    /// </summary>
    public Task<IReadOnlyList<DateTimeOffset>> VersionsSeenAsync(int releaseId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<DateTimeOffset>>(
            async db =>
            {
                var earlier = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId).OrderBy(v => v.Id).Select(v => v.FirstSeenAt).ToListAsync(cancellationToken);
                if (earlier.Count == 0)
                {
                    return [];
                }

                var revised = await db.Releases.Where(r => r.Id == releaseId).Select(r => r.RevisedAt).FirstOrDefaultAsync(cancellationToken);
                return revised is { } current ? [.. earlier, current] : earlier;
            },
            cancellationToken);

    private Task<T> ReadAsync<T>(Func<PressReleasesDbContext, Task<T>> read, CancellationToken cancellationToken) =>
        availability.ReadAsync(dbFactory, read, cancellationToken);

    /// <summary>
    /// The release, its links and its versions are read by separate statements, so an ingest batch could commit
    /// between them; a batch that keeps a version also raises the release's change sequence, so the sequence is read
    /// again afterwards and, if it moved, everything is read again (as <see cref="ReleaseCatalog"/> reads a release).
    /// </summary>
    private static async Task<ReleaseHistory?> ReadConsistentlyAsync(PressReleasesDbContext db, string slug, CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var release = await db.Releases.AsNoTracking()
                .Include(r => r.Ministers)
                .Include(r => r.Portfolios)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);
            if (release is null)
            {
                return null;
            }

            var earlier = await db.ReleaseVersions.AsNoTracking().Where(v => v.ReleaseId == release.Id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
            var firstSeen = release.RevisedAt ?? release.FirstIngestedAt;
            var lastSeen = await IngestRunTimes.LastSeenAsync(db, release.SourceRoot, release.RemovedAt, firstSeen, cancellationToken);
            var changeSeq = await db.Releases.Where(r => r.Id == release.Id).Select(r => r.ChangeSeq).FirstOrDefaultAsync(cancellationToken);
            if (changeSeq == release.ChangeSeq || attempt == Attempts)
            {
                List<HistoryVersion> versions =
                [
                    .. earlier.Select((v, i) => new HistoryVersion(i + 1, ReleaseContent.Of(v), v.BodyHtml, v.FirstSeenAt, v.LastSeenAt, IsCurrent: false)),
                    new HistoryVersion(earlier.Count + 1, ReleaseContent.Of(release), release.BodyHtml, firstSeen, lastSeen, IsCurrent: true),
                ];
                return new ReleaseHistory(release.Id, release.Slug, release.SourceUrl, release.RemovedAt, release.ChangeSeq, release.UpdatedAt, versions);
            }
        }
    }
}
