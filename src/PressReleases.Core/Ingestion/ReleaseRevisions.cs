using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Revision history at ingest: when a file's new content reads differently from what its release holds
/// (<see cref="ReleaseContent"/>), the release's current content is kept as a <see cref="ReleaseVersion"/>, with when
/// it was first and last seen, and the release records when its new content was first seen. A file whose bytes
/// changed but whose content did not keeps nothing. One instance per ingest run; the caller's transaction saves it.
/// </summary>
internal sealed class ReleaseRevisions
{
    // The end of each folder's latest completed run before this one: the same for the whole run, so asked once.
    private readonly Dictionary<string, DateTimeOffset?> lastCompleted = new(StringComparer.Ordinal);

    /// <summary>Call before <paramref name="stored"/> (tracked, with its name links) takes the fields of <paramref name="parsed"/>.</summary>
    public async Task KeepIfChangedAsync(PressReleasesDbContext db, Release stored, ParsedRelease parsed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = ReleaseContent.Of(stored);
        if (previous.ReadsAs(ContentOf(parsed)))
        {
            return;
        }

        var firstSeen = stored.RevisedAt ?? stored.FirstIngestedAt;
        db.ReleaseVersions.Add(new ReleaseVersion
        {
            ReleaseId = stored.Id,
            Title = previous.Title,
            Date = previous.Date,
            Ministers = [.. previous.Ministers],
            Portfolios = [.. previous.Portfolios],
            BodyHtml = stored.BodyHtml,
            BodyText = previous.BodyText,
            FirstSeenAt = firstSeen,
            LastSeenAt = IngestRunTimes.Latest(firstSeen, await LastCompletedAsync(db, stored, cancellationToken)),
        });
        stored.RevisedAt = now;
    }

    private static ReleaseContent ContentOf(ParsedRelease parsed) => new(
        parsed.Title, parsed.Date, [.. parsed.Ministers.Select(m => m.Name)], [.. parsed.Portfolios.Select(p => p.Name)], parsed.BodyText);

    private async Task<DateTimeOffset?> LastCompletedAsync(PressReleasesDbContext db, Release stored, CancellationToken cancellationToken)
    {
        // A withdrawn release (its file now back) was last seen by the last run that ended before it was withdrawn.
        if (stored.RemovedAt is { } removed)
        {
            return await IngestRunTimes.LastCompletedAsync(db, stored.SourceRoot, removed, cancellationToken);
        }

        if (!lastCompleted.TryGetValue(stored.SourceRoot, out var end))
        {
            end = await IngestRunTimes.LastCompletedAsync(db, stored.SourceRoot, null, cancellationToken);
            lastCompleted[stored.SourceRoot] = end;
        }

        return end;
    }
}
