using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// Which releases a listing page is about: all of them (<c>/releases</c>), one minister's or one portfolio's
/// (<c>/ministers/jacinda-ardern</c>), or the withdrawn ones (<c>/releases/withdrawn</c>). The scope is the page's
/// path, not a parameter; feeds and exports of the page take it as the filter it stands for (<see cref="ApplyTo"/>).
/// </summary>
public sealed record ListingScope
{
    private ListingScope(NameKind? kind, string? slug, ReleaseStatus? status = null)
    {
        Kind = kind;
        Slug = slug;
        Status = status;
        BasePath = kind is not null ? $"/{kind.Plural}/{slug}" : status == ReleaseStatus.Withdrawn ? "/releases/withdrawn" : "/releases";
    }

    public static ListingScope All { get; } = new(null, null);

    /// <summary>The releases whose files left the source.</summary>
    public static ListingScope Withdrawn { get; } = new(null, null, ReleaseStatus.Withdrawn);

    /// <summary>The minister or portfolio kind of a scoped page; null for all releases.</summary>
    public NameKind? Kind { get; }

    public string? Slug { get; }

    /// <summary>The status the page stands for; null when the page takes it as a parameter.</summary>
    public ReleaseStatus? Status { get; }

    /// <summary>The page's path, where its links lead.</summary>
    public string BasePath { get; }

    /// <summary>True for a page about some releases only (a minister's, a portfolio's, the withdrawn ones).</summary>
    public bool IsNarrowed => Kind is not null || Status is not null;

    public static ListingScope For(NameKind kind, string slug) => new(kind, slug);

    public bool Is(NameKind kind) => Kind == kind;

    /// <summary>
    /// The request with the scope as its filter. Within a facet the filter means "any of", so another minister
    /// on a minister's page would widen the list rather than narrow it: the scope replaces that selection.
    /// </summary>
    public SearchRequest ApplyTo(SearchRequest request) =>
        Kind is not null ? request.WithSelected(Kind, [Slug!]) : Status is { } status ? request with { Status = status } : request;

    /// <summary>The request as the page's URL holds it: the scope's own kind of filter is the path, not a parameter.</summary>
    public SearchRequest LeaveOut(SearchRequest request) =>
        Kind is not null ? request.WithSelected(Kind, []) : Status is not null ? request with { Status = ReleaseStatus.Current } : request;
}
