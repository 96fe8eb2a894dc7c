namespace PressReleases.Core.Search;

/// <summary>Which releases a search lists, by whether their file is still in the source.</summary>
public enum ReleaseStatus
{
    /// <summary>Releases still published: the default everywhere, so a withdrawn release leaves every list.</summary>
    Current,

    /// <summary>Only releases whose file left the source (each still readable at its permalink, under a 410).</summary>
    Withdrawn,

    /// <summary>Both.</summary>
    All,
}
