namespace PressReleases.Core.Ingestion;

/// <summary>
/// Bounds that keep one hostile or broken file from exhausting memory or time. The largest real release
/// is under 100 KB and the longest real lists hold a handful of names, so these leave ample room.
/// </summary>
public static class IngestLimits
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFrontMatterChars = 64 * 1024;
    public const int MaxListEntries = 100;
    public const int MaxTitleChars = 1_000;
    public const int MaxUrlChars = 2_000;
}
