using PressReleases.Core.Releases;
using PressReleases.Core.Search.Querying;

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
    string SourceUrl)
{
    /// <summary>The plain words and phrases of the query this release lacks; empty when it has them all.</summary>
    public IReadOnlyList<string> MissingWords { get; init; } = [];

    /// <summary>True for a release whose file left the source (listed only when the search asks for withdrawn releases).</summary>
    public bool Withdrawn { get; init; }
}

/// <summary>
/// How a search that lists releases missing some of the words matched them: the releases with every word
/// come first (<see cref="AllWordsTotal"/> of them), then those with at least <see cref="Minimum"/> of the
/// <see cref="Words"/>.
/// </summary>
/// <param name="Words">The plain words and phrases of the query.</param>
/// <param name="Minimum">The fewest of them a listed release has.</param>
/// <param name="AllWordsTotal">Releases with every word: the first ones listed.</param>
/// <param name="FacetsCountAllWords">
/// True when the facet counts are of the releases with every word (whenever there are any); false when they
/// are of every listed release (no release had every word).
/// </param>
public sealed record WordMatch(int Words, int Minimum, int AllWordsTotal, bool FacetsCountAllWords);

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
    /// Set when releases missing some of the words are listed after those with all of them (few or no
    /// releases had them all); null when every listed release has every word.
    /// </summary>
    public WordMatch? Words { get; init; }

    /// <summary>Words of the query that name a minister or a year (and so also match their releases), in the order typed.</summary>
    public IReadOnlyList<QueryReading> Readings { get; init; } = [];

    /// <summary>
    /// True when no release had all the words, so every listed release lacks some of them (the page and the
    /// API say so). False for every ordinary result.
    /// </summary>
    public bool MatchedAnyWord => Words is { AllWordsTotal: 0 };
}
