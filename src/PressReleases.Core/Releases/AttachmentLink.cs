namespace PressReleases.Core.Releases;

/// <summary>
/// An attachment of a release: its address, and the name the front matter gave it (<c>- name: "Budget report"</c> /
/// <c>url: https://…</c>), or null when it was written as a bare address or its map had no name.
/// </summary>
public sealed record AttachmentLink(string Url, string? Name)
{
    /// <summary>
    /// The links of a stored release. <paramref name="names"/> is by position and may be shorter than
    /// <paramref name="urls"/> (a release stored before names were kept has none); an empty name is no name.
    /// </summary>
    public static IReadOnlyList<AttachmentLink> Zip(IReadOnlyList<string> urls, IReadOnlyList<string> names) =>
        urls.Select((url, i) => new AttachmentLink(url, i < names.Count && names[i].Length > 0 ? names[i] : null)).ToList();
}
