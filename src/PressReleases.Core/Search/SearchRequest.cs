using PressReleases.Core.Releases;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first; the default when there is a query.</summary>
    Relevance,

    /// <summary>Latest first; the default without a query. Undated releases come last.</summary>
    Newest,

    /// <summary>Earliest first. Undated releases come last.</summary>
    Oldest,
}

/// <summary>
/// One search, as every surface asks it (pages, JSON API, feeds, exports): the same request gives the
/// same hits, counts and order everywhere.
/// </summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int DefaultFacetLimit = 20;
    public const int MaxQueryLength = UserQueryParser.MaxQueryLength;

    /// <summary>What the user typed; null or blank lists everything.</summary>
    public string? Query { get; init; }

    /// <summary>Minister slugs; a release matches when it names any of them.</summary>
    public IReadOnlyList<string> Ministers { get; init; } = [];

    /// <summary>Portfolio slugs; a release matches when it is in any of them.</summary>
    public IReadOnlyList<string> Portfolios { get; init; } = [];

    /// <summary>Inclusive first date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Inclusive last date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Whether withdrawn releases are listed: by default they are not.</summary>
    public ReleaseStatus Status { get; init; } = ReleaseStatus.Current;

    /// <summary>Null means the default: relevance with a query, newest without.</summary>
    public SearchSort? Sort { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>How many minister and portfolio facet values to return (counts are always exact).</summary>
    public int FacetLimit { get; init; } = DefaultFacetLimit;

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);

    /// <summary>The selected slugs of one kind: <see cref="Ministers"/> or <see cref="Portfolios"/>.</summary>
    public IReadOnlyList<string> Selected(NameKind kind) => kind == NameKind.Minister ? Ministers : Portfolios;

    public SearchRequest WithSelected(NameKind kind, IReadOnlyList<string> slugs) =>
        kind == NameKind.Minister ? this with { Ministers = slugs } : this with { Portfolios = slugs };

    public SearchSort EffectiveSort => Sort ?? (HasQuery ? SearchSort.Relevance : SearchSort.Newest);
}
