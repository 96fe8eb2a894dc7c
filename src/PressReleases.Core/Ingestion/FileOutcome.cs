using PressReleases.Core.Reannouncements;

namespace PressReleases.Core.Ingestion;

/// <summary>What examining one file found; produced in parallel, consumed in file order by the writer.</summary>
internal abstract record FileOutcome(ReleaseFile File)
{
    /// <summary>
    /// Same bytes as the release already stored from this path. <paramref name="NewFingerprint"/> is set when the
    /// file was read to find that out, so its length and write time are recorded for the next ingest.
    /// </summary>
    public sealed record Unchanged(ReleaseFile File, int ReleaseId, FileFingerprint? NewFingerprint) : FileOutcome(File);

    /// <param name="Text">The body's signature for the re-announcement detector, computed on the worker that rendered it.</param>
    public sealed record Parsed(ReleaseFile File, string Hash, FileFingerprint Fingerprint, ParsedRelease Release, TextSignature Text) : FileOutcome(File);

    public sealed record Rejected(ReleaseFile File, string Message, int? Line) : FileOutcome(File);
}
