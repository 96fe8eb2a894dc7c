namespace PressReleases.Core.Reannouncements;

/// <summary>
/// The numbers that decide what counts as a re-announcement, in one place; docs/reannouncements.md says how each
/// was chosen and what the full corpus gives with them.
/// </summary>
internal static class ReannouncementRules
{
    /// <summary>Bodies with fewer distinct shingles (about 24 words) are not compared: too little text to say it repeats another.</summary>
    public const int MinShingles = 20;

    /// <summary>
    /// A pair is kept when at least this share of one release's shingles also appear in the other: "much of this
    /// text also appears in …". Measured precision at this threshold is in docs/reannouncements.md.
    /// </summary>
    public const double MinShare = 0.6;

    /// <summary>LSH bands of <see cref="Rows"/> MinHash values each (42 × 3 = 126 of the 128): candidates from a Jaccard similarity of about 0.3.</summary>
    public const int Bands = 42;

    public const int Rows = 3;
}
