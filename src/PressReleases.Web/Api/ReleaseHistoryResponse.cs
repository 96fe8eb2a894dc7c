using PressReleases.Core.Store;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases/{slug}/history: every version of the release this site has seen, oldest first.</summary>
/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Versions">Oldest first; the last is the current version, and the only one when the release was never edited.</param>
public sealed record ReleaseHistoryResponse(string Slug, string Url, IReadOnlyList<ReleaseVersionResponse> Versions)
{
    public static ReleaseHistoryResponse From(ReleaseHistory history) => new(
        history.Slug,
        history.SourceUrl,
        [.. history.Versions.Select(v => new ReleaseVersionResponse(
            v.Number,
            v.IsCurrent,
            v.FirstSeen,
            v.LastSeen,
            v.Content.Title,
            v.Content.Date,
            v.Content.Ministers,
            v.Content.Portfolios,
            v.Content.BodyText,
            v.BodyHtml))]);
}

/// <summary>One version of a release, as an ingest found it.</summary>
/// <param name="Number">1 for the first version seen, counting up.</param>
/// <param name="FirstSeen">When an ingest first stored this content (UTC).</param>
/// <param name="LastSeen">The end of the last completed ingest known to have found it (UTC): the content was there at least until then.</param>
/// <param name="Ministers">The ministers as this version spelled them (honorifics removed), in its order.</param>
/// <param name="Portfolios">The portfolios as this version spelled them, in its order.</param>
/// <param name="BodyText">The body as plain text, a paragraph a line.</param>
/// <param name="Html">The body as sanitised HTML.</param>
public sealed record ReleaseVersionResponse(
    int Number,
    bool Current,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string Title,
    DateOnly? Date,
    IReadOnlyList<string> Ministers,
    IReadOnlyList<string> Portfolios,
    string BodyText,
    string Html);
