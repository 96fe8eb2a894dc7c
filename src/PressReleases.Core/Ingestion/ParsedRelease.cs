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
    IReadOnlyList<AttachmentLink> Attachments,
    string BodyHtml,
    string BodyText)
{
    /// <summary>Optional fields, or entries of them, in a shape the ingester does not know: skipped, the release kept.</summary>
    public IReadOnlyList<ReleaseFileWarning> Warnings { get; init; } = [];

    /// <summary>The release's names of one kind, in the file's order, as (slug, spelling).</summary>
    public IReadOnlyList<(string Slug, string Name)> NamesOf(NameKind kind) => kind == NameKind.Minister
        ? [.. Ministers.Select(m => (m.Slug, m.Name))]
        : [.. Portfolios.Select(p => (p.Slug, p.Name))];
}

/// <summary>Something in a release file that was skipped rather than read, on <paramref name="Line"/> of the file.</summary>
public sealed record ReleaseFileWarning(string Field, string Message, int Line);
