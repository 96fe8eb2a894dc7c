using PressReleases.Core.Search.Export;

namespace PressReleases.Web.Api;

/// <summary>
/// One line of /api/releases.ndjson: the fields of a /api/releases item, without the query-dependent
/// snippet, plus the absolute permalink on this site.
/// </summary>
/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Permalink">The release's stable page on this site, https://host/releases/{slug}.</param>
/// <param name="Withdrawn">True for a release whose file left the source (exported only with status=withdrawn or all).</param>
public sealed record ExportItem(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    string Permalink,
    IReadOnlyList<NameResponse> Ministers,
    IReadOnlyList<NameResponse> Portfolios,
    bool Withdrawn)
{
    public static ExportItem From(ExportedRelease release, string permalinkBase) => new(
        release.Slug,
        release.Title,
        release.Date,
        release.Url,
        permalinkBase + release.Permalink,
        NameResponse.From(release.Ministers),
        NameResponse.From(release.Portfolios),
        release.Withdrawn);
}
