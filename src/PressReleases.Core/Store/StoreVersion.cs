using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// How far the store has got: the change sequence of its latest release change, and the latest ingest run that
/// ended. Releases change with the sequence; display names change at the end of a run (after its last release
/// change), so a reader that follows the store needs both to know its lists are current.
/// </summary>
public sealed record StoreVersion(long ChangeSeq, int LastEndedRun)
{
    /// <summary>Two indexed lookups (the latest change, the latest run): cheap enough to ask every second.</summary>
    public static async Task<StoreVersion> ReadAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        var changeSeq = await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, cancellationToken) ?? 0;
        var lastEndedRun = await db.IngestRuns.Where(r => r.Status != IngestRunStatus.Running).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
        return new StoreVersion(changeSeq, lastEndedRun);
    }
}
