using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// How far the store has got: the change sequence of its latest release change, and the latest ingest run that
/// ended. Releases change with the sequence; display names change at the end of a run (after its last release
/// change), so a reader that follows the store needs both to know its lists are current. <see cref="ChangedAt"/> is
/// when the latest release change was made (null for an empty store): the Last-Modified of what the store holds.
/// </summary>
public sealed record StoreVersion(long ChangeSeq, int LastEndedRun, DateTimeOffset? ChangedAt = null)
{
    /// <summary>Two indexed lookups (the latest change, the latest run): cheap enough to ask every second.</summary>
    public static async Task<StoreVersion> ReadAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.Releases.OrderByDescending(r => r.ChangeSeq)
            .Select(r => new { r.ChangeSeq, r.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var lastEndedRun = await db.IngestRuns.Where(r => r.Status != IngestRunStatus.Running).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
        return new StoreVersion(latest?.ChangeSeq ?? 0, lastEndedRun, latest?.UpdatedAt);
    }
}
