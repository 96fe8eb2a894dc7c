using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// Which releases a listing page is about: all of them (<c>/releases</c>), or one minister's or one
/// portfolio's (<c>/ministers/jacinda-ardern</c>). The scope is the page's path, not a parameter; feeds and
/// exports of the page take it as the filter it stands for (<see cref="ApplyTo"/>).
/// </summary>
public sealed record ListingScope
{
    private ListingScope(NameKind? kind, string? slug)
    {
        Kind = kind;
        Slug = slug;
        BasePath = kind is null ? "/releases" : $"/{kind.Plural}/{slug}";
    }

    public static ListingScope All { get; } = new(null, null);

    /// <summary>The minister or portfolio kind of a scoped page; null for all releases.</summary>
    public NameKind? Kind { get; }

    public string? Slug { get; }

    /// <summary>The page's path, where its links lead.</summary>
    public string BasePath { get; }

    public static ListingScope For(NameKind kind, string slug) => new(kind, slug);

    public bool Is(NameKind kind) => Kind == kind;

    /// <summary>
    /// The request with the scope as its filter. Within a facet the filter means "any of", so another minister
    /// on a minister's page would widen the list rather than narrow it: the scope replaces that selection.
    /// </summary>
    public SearchRequest ApplyTo(SearchRequest request) => Kind is null ? request : request.WithSelected(Kind, [Slug!]);

    /// <summary>The request as the page's URL holds it: the scope's own kind of filter is the path, not a parameter.</summary>
    public SearchRequest LeaveOut(SearchRequest request) => Kind is null ? request : request.WithSelected(Kind, []);
}
