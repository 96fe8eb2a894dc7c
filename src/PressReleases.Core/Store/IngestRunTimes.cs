using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// When ingests last saw a folder's files, for the seen times of a release's versions: the end of a completed run
/// over the folder (a run that failed may have stopped before it reached a file, so it proves nothing).
/// </summary>
internal static class IngestRunTimes
{
    /// <summary>
    /// The end of the latest completed ingest of <paramref name="folder"/> that ended before <paramref name="before"/>
    /// (or at all, when null); null when none did. Runs are read newest first by their key, so the usual answer, the
    /// latest run, is the first row read.
    /// </summary>
    public static async Task<DateTimeOffset?> LastCompletedAsync(PressReleasesDbContext db, string folder, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var ends = db.IngestRuns.AsNoTracking()
            .Where(r => r.Folder == folder && r.Status == IngestRunStatus.Completed && r.FinishedAt != null)
            .OrderByDescending(r => r.Id)
            .Select(r => r.FinishedAt!.Value)
            .AsAsyncEnumerable();
        await foreach (var end in ends.WithCancellation(cancellationToken))
        {
            if (before is null || end < before)
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>
    /// When a release's content, first seen at <paramref name="firstSeen"/>, was last seen: by the last completed
    /// ingest of its folder, or, once the release was withdrawn, the last one before that; never before it was first seen.
    /// </summary>
    public static async Task<DateTimeOffset> LastSeenAsync(
        PressReleasesDbContext db, string folder, DateTimeOffset? removedAt, DateTimeOffset firstSeen, CancellationToken cancellationToken) =>
        Latest(firstSeen, await LastCompletedAsync(db, folder, removedAt, cancellationToken));

    public static DateTimeOffset Latest(DateTimeOffset firstSeen, DateTimeOffset? seen) => seen is { } s && s > firstSeen ? s : firstSeen;
}
