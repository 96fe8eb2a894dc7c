using PressReleases.Core.Releases;

namespace PressReleases.Core.Search.Export;

/// <summary>
/// One release of an export (CSV, NDJSON): what identifies and describes it, without its body, so a
/// whole result set can be written without reading the text of every release.
/// </summary>
/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Permalink">This site's path for the release, <c>/releases/{slug}</c>; stable.</param>
public sealed record ExportedRelease(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    string Permalink,
    IReadOnlyList<NameRef> Ministers,
    IReadOnlyList<NameRef> Portfolios)
{
    /// <summary>True for a release whose file left the source (exported only when the export asks for withdrawn releases).</summary>
    public bool Withdrawn { get; init; }

    public static string PermalinkOf(string slug) => "/releases/" + slug;
}
