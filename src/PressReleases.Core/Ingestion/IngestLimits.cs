namespace PressReleases.Core.Ingestion;

/// <summary>
/// Bounds that keep one hostile or broken file from exhausting memory or time. The largest real release
/// is under 100 KB, its longest paragraph 17,215 characters; real front matter nests two levels deep and
/// uses no YAML aliases; the longest real lists hold a handful of names. These leave ample room. A file
/// over a limit is rejected with a message that names the limit.
/// </summary>
public static class IngestLimits
{
    /// <summary>Checked from the file's length before it is read, so a huge file costs nothing. Ten times the largest real release.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public const int MaxFrontMatterChars = 64 * 1024;

    /// <summary>
    /// Lists and maps inside lists and maps. Real front matter is two deep (a map of lists); the YAML
    /// library's scanner slows down quadratically with the depth of flow collections ("[[[[…").
    /// </summary>
    public const int MaxFrontMatterDepth = 8;

    /// <summary>
    /// Occurrences in the body of each of '[', '|', '`', '~' and "www.". Markdig takes quadratic time on
    /// long runs of unclosed links ("[a](" repeated), table cells, code-span backticks, strike-through tildes
    /// and "(www." autolinks (docs/performance.md, "Design decisions and their measurements"). Real bodies
    /// hold at most 87, 43, 56, 6 and 50 of them.
    /// </summary>
    public const int MaxBodyMarkupCount = 2_000;

    /// <summary>
    /// Characters in a run of body lines without a blank line between them (a paragraph, a table, a list).
    /// Markdig's inline parsing is quadratic in a paragraph's length for some inputs (runs of backticks,
    /// "(www.", "~~", table pipes), so this bounds its time per paragraph, and the file limit bounds the
    /// paragraphs. The longest real paragraph is 17,215 characters.
    /// </summary>
    public const int MaxParagraphChars = 32 * 1024;

    public const int MaxListEntries = 100;
    public const int MaxTitleChars = 1_000;
    public const int MaxUrlChars = 2_000;
}
