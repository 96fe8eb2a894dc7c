namespace PressReleases.Core.Store;

/// <summary>
/// One direction of a pair of releases whose texts largely overlap: <see cref="Share"/> of <see cref="ReleaseId"/>'s
/// word shingles also appear in <see cref="OtherId"/>'s text. Each pair is stored both ways, so a release's links are
/// the rows that start from it, each with its own share (the two shares differ when one text is longer).
/// </summary>
public sealed class Reannouncement
{
    public int ReleaseId { get; set; }

    public int OtherId { get; set; }

    /// <summary>From 0 to 1: the share of this release's shingles found in the other's text.</summary>
    public double Share { get; set; }
}
