using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;

namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Signatures written by the ingest in the same transaction as the releases they sign, so the detector at the end of
/// the run neither reads the bodies back nor shingles them again. Such a row is <em>pending</em>: its change sequence
/// is stored negated (minus the release's), so it never counts towards the highest sequence the detector has
/// followed (the mark, see <see cref="ReannouncementDetector"/>); the detector takes it as the release's signature
/// only while the release still has that sequence, and makes it positive once the release's pairs are current.
/// An ingest stopped before the detector leaves its rows pending and its releases above the mark, so the next look
/// picks them up, still without reading their bodies.
/// </summary>
internal static class PendingSignatures
{
    public static long Mark(long changeSeq) => -changeSeq;

    public static bool IsPendingFor(long storedChangeSeq, long releaseChangeSeq) => storedChangeSeq == Mark(releaseChangeSeq);

    /// <summary>
    /// Writes the signatures of releases a store batch has just written, inside the batch's transaction.
    /// <paramref name="replaced"/> are the releases among them that already existed, whose previous row goes.
    /// </summary>
    public static async Task WriteAsync(
        PressReleasesDbContext db,
        IReadOnlyCollection<(int ReleaseId, long ChangeSeq, TextSignature Text)> written,
        IReadOnlyCollection<int> replaced,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in replaced.Chunk(500))
        {
            await db.ReleaseSignatures.Where(s => chunk.Contains(s.ReleaseId)).ExecuteDeleteAsync(cancellationToken);
        }

        using var rows = new RowInserter<ReleaseSignature>(db);
        foreach (var (releaseId, changeSeq, text) in written)
        {
            await rows.InsertAsync(text.ToRow(releaseId, Mark(changeSeq)), cancellationToken);
        }
    }
}
