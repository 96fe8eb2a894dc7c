using PressReleases.Core.Store;

namespace PressReleases.Web.Citations;

/// <summary>
/// Everything a citation of one release says, in one place so the page, the BibTeX and the RIS file
/// can never disagree about a name, a date or an address.
/// </summary>
public sealed record CitationSource(
    string Slug,
    string Title,
    DateOnly? Date,
    string SourceUrl,
    IReadOnlyList<PersonName> Authors,
    string PermalinkUrl,
    DateOnly RetrievedOn,
    int? Paragraph = null)
{
    /// <summary>The publisher, and the author when no minister is named.</summary>
    public const string Government = "New Zealand Government";

    public const string SiteName = "PressReleases";

    /// <summary>The permalink, or with <see cref="Paragraph"/> the paragraph's own address on the release's page.</summary>
    public string CitedUrl => Paragraph is { } p ? $"{PermalinkUrl}#p{p}" : PermalinkUrl;

    public static CitationSource From(ReleaseDetail release, string siteBaseUrl, DateOnly retrievedOn, int? paragraph = null) => new(
        release.Slug,
        release.Title.Trim(),
        release.Date,
        release.SourceUrl,
        release.Ministers.Select(m => PersonName.Parse(m.Name)).ToList(),
        $"{siteBaseUrl}/releases/{release.Slug}",
        retrievedOn,
        paragraph);
}
