using PressReleases.Core.Releases;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases/{slug}.</summary>
/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Html">The body as sanitised HTML.</param>
public sealed record ReleaseResponse(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    IReadOnlyList<NameResponse> Ministers,
    IReadOnlyList<NameResponse> Portfolios,
    string Html,
    IReadOnlyList<string> Attachments)
{
    public static ReleaseResponse From(ReleaseDetail release) => new(
        release.Slug,
        release.Title,
        release.Date,
        release.SourceUrl,
        release.Ministers.Select(n => new NameResponse(n.Slug, n.Name)).ToList(),
        release.Portfolios.Select(n => new NameResponse(n.Slug, n.Name)).ToList(),
        release.BodyHtml,
        release.Attachments);
}
