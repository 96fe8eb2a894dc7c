using PressReleases.Core.Releases;

namespace PressReleases.Core.Ingestion;

/// <summary>A release file that passed validation, normalised and rendered, ready to store.</summary>
public sealed record ParsedRelease(
    string Title,
    DateOnly? Date,
    string Url,
    string BaseSlug,
    IReadOnlyList<MinisterName> Ministers,
    IReadOnlyList<string> DiscardedMinisterEntries,
    IReadOnlyList<PortfolioName> Portfolios,
    IReadOnlyList<string> Attachments,
    string BodyHtml,
    string BodyText);
