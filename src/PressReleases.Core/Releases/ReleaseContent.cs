namespace PressReleases.Core.Releases;

/// <summary>
/// What makes one version of a release differ from another: its title, date, ministers, portfolios and body text.
/// Nothing else does: not the attachments, the url, the file's path or bytes, nor the body's HTML alone (a link's
/// address). Ministers and portfolios are the file's spellings (honorifics already removed) in its order, so a
/// renamed or reordered entry is an edit while "Hon" becoming "Rt Hon" is not. Title and body are compared word for
/// word: whitespace, line breaks and paragraph breaks alone are not an edit (docs/revisions.md).
/// </summary>
public sealed record ReleaseContent(string Title, DateOnly? Date, IReadOnlyList<string> Ministers, IReadOnlyList<string> Portfolios, string BodyText)
{
    /// <summary>The content a stored release holds now; its name links must be loaded.</summary>
    public static ReleaseContent Of(Release release) => new(
        release.Title,
        release.Date,
        [.. release.Ministers.OrderBy(m => m.Position).Select(m => m.Spelling)],
        [.. release.Portfolios.OrderBy(p => p.Position).Select(p => p.Spelling)],
        release.BodyText);

    public static ReleaseContent Of(ReleaseVersion version) =>
        new(version.Title, version.Date, version.Ministers, version.Portfolios, version.BodyText);

    /// <summary>True when <paramref name="other"/> says the same: no field differs but in whitespace.</summary>
    public bool ReadsAs(ReleaseContent other) =>
        Date == other.Date
        && Ministers.SequenceEqual(other.Ministers, StringComparer.Ordinal)
        && Portfolios.SequenceEqual(other.Portfolios, StringComparer.Ordinal)
        && Words(Title).SequenceEqual(Words(other.Title), StringComparer.Ordinal)
        && Words(BodyText).SequenceEqual(Words(other.BodyText), StringComparer.Ordinal);

    /// <summary>The text's words: its runs of non-whitespace, punctuation included.</summary>
    public static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
