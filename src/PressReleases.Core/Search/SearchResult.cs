using PressReleases.Core.Releases;

namespace PressReleases.Core.Search;

/// <summary>A facet value with the number of releases it would give.</summary>
public sealed record FacetValue(string Slug, string Name, int Count);

public sealed record YearCount(int Year, int Count);

public sealed record SearchFacets(IReadOnlyList<FacetValue> Ministers, IReadOnlyList<FacetValue> Portfolios, IReadOnlyList<YearCount> Years)
{
    public static readonly SearchFacets Empty = new([], [], []);

    /// <summary>The values of one kind: <see cref="Ministers"/> or <see cref="Portfolios"/>.</summary>
    public IReadOnlyList<FacetValue> Of(NameKind kind) => kind == NameKind.Minister ? Ministers : Portfolios;
}

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text with &lt;mark&gt; around matches.</summary>
public sealed record SearchHit(
    int Id,
    string Slug,
    string Title,
    DateOnly? Date,
    IReadOnlyList<NameRef> Ministers,
    IReadOnlyList<NameRef> Portfolios,
    string TitleHtml,
    string SnippetHtml,
    string SourceUrl);

public sealed record SearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Items,
    SearchFacets Facets,
    string? InterpretedAs)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>The query with misspelled words corrected from the index's own terms, or null when the query looks right.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>
    /// True when no release had all the words, so these are the releases with any of them (the page and
    /// the API say so). False for every ordinary result.
    /// </summary>
    public bool MatchedAnyWord { get; init; }
}
