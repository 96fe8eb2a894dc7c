namespace PressReleases.Core.Releases;

/// <summary>Links a release to a minister, keeping the spelling the file used (for choosing display names).</summary>
public sealed class ReleaseMinister : IReleaseNameLink
{
    public int ReleaseId { get; set; }

    public int MinisterId { get; set; }

    public Minister Minister { get; set; } = null!;

    /// <summary>Position in the file's list, so the release shows its ministers in the published order.</summary>
    public int Position { get; set; }

    /// <summary>The name as the file spelled it, honorifics removed.</summary>
    public required string Spelling { get; set; }

    // Explicit, so the model maps MinisterId under its own name and nothing under this one.
    int IReleaseNameLink.NameId => MinisterId;
}
