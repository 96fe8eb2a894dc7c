namespace PressReleases.Core.Store;

/// <summary>
/// A release's text as the re-announcement detector sees it (Reannouncements/): how many distinct word shingles its
/// body has and their MinHash signature, computed at the change of the release whose sequence it records. One row
/// for every release the detector has looked at, removed ones included (with no signature), so the highest
/// <see cref="ChangeSeq"/> here is how far the detector has followed the store (docs/reannouncements.md). The ingest
/// writes each new or changed release's row with it, pending (the sequence negated) until the detector has found
/// that release's pairs.
/// </summary>
public sealed class ReleaseSignature
{
    public int ReleaseId { get; set; }

    /// <summary>The release's change sequence when this was computed; negated while pending.</summary>
    public long ChangeSeq { get; set; }

    /// <summary>Distinct word shingles in the body; 0 for a removed release.</summary>
    public int ShingleCount { get; set; }

    /// <summary>The MinHash signature's bytes; empty when the body is too short to compare, or the release is removed.</summary>
    public byte[] MinHash { get; set; } = [];
}
