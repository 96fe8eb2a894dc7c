using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// The latest ingest run that completed, as the store records it: when it finished and what it did to the
/// releases. Read from the store rather than kept by whoever ran it, since with PostgreSQL the ingest is usually
/// another process than the node that reports it.
/// </summary>
public sealed record LastIngest(int RunId, DateTimeOffset FinishedAt, int Added, int Updated, int Unchanged, int Removed, int Rejected)
{
    /// <summary>One indexed lookup (the run's primary key, newest first); null while no run has completed.</summary>
    public static async Task<LastIngest?> ReadAsync(PressReleasesDbContext db, CancellationToken cancellationToken) =>
        await db.IngestRuns.AsNoTracking()
            .Where(r => r.Status == IngestRunStatus.Completed && r.FinishedAt != null)
            .OrderByDescending(r => r.Id)
            .Select(r => new LastIngest(r.Id, r.FinishedAt!.Value, r.Added, r.Updated, r.Unchanged, r.Removed, r.Rejected))
            .FirstOrDefaultAsync(cancellationToken);
}
