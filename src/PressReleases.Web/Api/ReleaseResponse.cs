using PressReleases.Core.Reannouncements;
using PressReleases.Core.Search.Suggestions;
using PressReleases.Core.Store;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases/{slug}.</summary>
/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Html">The body as sanitised HTML.</param>
/// <param name="Attachments">The attachments' addresses, in the file's order.</param>
/// <param name="AttachmentLinks">
/// The same attachments, each with the name the release gives it (null when it gives none): added beside
/// <paramref name="Attachments"/>, which keeps its shape for the programs that read it.
/// </param>
/// <param name="Related">Up to five releases most like this one (empty while the search index is being built).</param>
/// <param name="Reannouncements">
/// Releases much of whose text this one shares, first appearance first (docs/reannouncements.md); empty when none, or
/// while the database is out of reach.
/// </param>
/// <param name="FromSearchIndex">
/// True while the node's database is out of reach: the release comes from the node's search index, its html is the
/// plain text in paragraphs and its attachments are not known (an empty list).
/// </param>
public sealed record ReleaseResponse(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    IReadOnlyList<NameResponse> Ministers,
    IReadOnlyList<NameResponse> Portfolios,
    string Html,
    IReadOnlyList<string> Attachments,
    IReadOnlyList<AttachmentLinkResponse> AttachmentLinks,
    IReadOnlyList<RelatedResponse> Related,
    bool FromSearchIndex,
    IReadOnlyList<ReannouncementResponse> Reannouncements)
{
    public static ReleaseResponse From(ReleaseDetail release, IReadOnlyList<RelatedRelease> related, ReleaseReannouncements reannouncements) => new(
        release.Slug,
        release.Title,
        release.Date,
        release.SourceUrl,
        release.Ministers.Select(n => new NameResponse(n.Slug, n.Name)).ToList(),
        release.Portfolios.Select(n => new NameResponse(n.Slug, n.Name)).ToList(),
        release.BodyHtml,
        release.Attachments.Select(a => a.Url).ToList(),
        release.Attachments.Select(a => new AttachmentLinkResponse(a.Url, a.Name)).ToList(),
        related.Select(r => new RelatedResponse(r.Slug, r.Title, r.Date)).ToList(),
        release.FromSearchIndex,
        reannouncements.Links.Select(ReannouncementResponse.From).ToList());
}

/// <summary>An attachment: its address, and its name as the release gives it, or null.</summary>
public sealed record AttachmentLinkResponse(string Url, string? Name);

public sealed record RelatedResponse(string Slug, string Title, DateOnly? Date);
