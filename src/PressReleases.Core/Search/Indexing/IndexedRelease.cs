using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Indexing;

/// <summary>What the index holds of a release: enough to find, filter, sort, show and highlight it.</summary>
public sealed record IndexedRelease(
    int Id,
    string Slug,
    string Title,
    DateOnly? Date,
    string SourceUrl,
    string BodyText,
    IReadOnlyList<string> MinisterSlugs,
    IReadOnlyList<string> PortfolioSlugs,
    bool Withdrawn = false)
{
    /// <summary>See <see cref="IndexFields.BodyHashOf"/>; worked out once, when the release is handed to the index.</summary>
    public string? BodyHash { get; } = IndexFields.BodyHashOf(BodyText);
}
