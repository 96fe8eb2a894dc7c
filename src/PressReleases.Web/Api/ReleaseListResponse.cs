using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases.</summary>
/// <param name="InterpretedAs">How the query was read; always present, null without a query.</param>
/// <param name="DidYouMean">The query with misspellings corrected; always present, null when it looks right.</param>
/// <param name="MatchedAnyWord">True when no release had all the words, so every listed release lacks some of them.</param>
/// <param name="Words">
/// Present when releases missing some of the words are listed after those with all of them (few or none had
/// them all); null when every listed release has every word.
/// </param>
public sealed record ReleaseListResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ReleaseListItem> Items,
    FacetsResponse Facets,
    string? InterpretedAs,
    string? DidYouMean,
    bool MatchedAnyWord,
    WordMatchResponse? Words,
    IReadOnlyList<ReadingResponse> Readings)
{
    public static ReleaseListResponse From(SearchResult result) => new(
        result.Total,
        result.Page,
        result.PageSize,
        result.Items.Select(ReleaseListItem.From).ToList(),
        FacetsResponse.From(result.Facets),
        result.InterpretedAs,
        result.DidYouMean,
        result.MatchedAnyWord,
        result.Words is { } words ? WordMatchResponse.From(words) : null,
        result.Readings.Select(ReadingResponse.From).ToList());
}

/// <summary>Words of the query that name a minister or a year: they match as words or as that minister's or year's releases, which rank higher.</summary>
/// <param name="Text">The words as typed.</param>
/// <param name="Minister">The minister they name, or null.</param>
/// <param name="Year">The year they name, or null.</param>
/// <param name="QueryWithout">The query without these words: with minister=slug (or from/to for the year) added, the same search narrowed to them.</param>
public sealed record ReadingResponse(string Text, NameResponse? Minister, int? Year, string QueryWithout)
{
    public static ReadingResponse From(PressReleases.Core.Search.Querying.QueryReading reading) => new(
        reading.Text,
        reading.MinisterSlug is { } slug ? new NameResponse(slug, reading.MinisterName!) : null,
        reading.Year,
        reading.QueryWithout);
}

/// <summary>How a search that lists releases missing some of the words matched them.</summary>
/// <param name="Count">The plain words and phrases of the query (not filters, exclusions, OR-groups or title: words).</param>
/// <param name="Minimum">The fewest of them a listed release has.</param>
/// <param name="AllWordsTotal">Releases with every word; they are listed first.</param>
/// <param name="FacetsCount">Which releases the facet counts are of: "allWords" (whenever any release has every word) or "listed" (all listed releases).</param>
public sealed record WordMatchResponse(int Count, int Minimum, int AllWordsTotal, string FacetsCount)
{
    public static WordMatchResponse From(WordMatch words) =>
        new(words.Words, words.Minimum, words.AllWordsTotal, words.FacetsCountAllWords ? "allWords" : "listed");
}

/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Snippet">HTML: encoded text with &lt;mark&gt; around the matched words.</param>
/// <param name="MissingWords">The query's plain words and phrases this release lacks, as read; empty when it has them all.</param>
/// <param name="Withdrawn">True for a release whose file left the source (listed only with status=withdrawn or all).</param>
public sealed record ReleaseListItem(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    IReadOnlyList<NameResponse> Ministers,
    IReadOnlyList<NameResponse> Portfolios,
    string Snippet,
    IReadOnlyList<string> MissingWords,
    bool Withdrawn)
{
    public static ReleaseListItem From(SearchHit hit) => new(
        hit.Slug,
        hit.Title,
        hit.Date,
        hit.SourceUrl,
        NameResponse.From(hit.Ministers),
        NameResponse.From(hit.Portfolios),
        hit.SnippetHtml,
        hit.MissingWords,
        hit.Withdrawn);
}

public sealed record NameResponse(string Slug, string Name)
{
    public static IReadOnlyList<NameResponse> From(IReadOnlyList<NameRef> names) =>
        names.Select(n => new NameResponse(n.Slug, n.Name)).ToList();
}

public sealed record FacetsResponse(
    IReadOnlyList<FacetValueResponse> Ministers,
    IReadOnlyList<FacetValueResponse> Portfolios,
    IReadOnlyList<YearCountResponse> Years)
{
    public static FacetsResponse From(SearchFacets facets) => new(
        facets.Ministers.Select(v => new FacetValueResponse(v.Slug, v.Name, v.Count)).ToList(),
        facets.Portfolios.Select(v => new FacetValueResponse(v.Slug, v.Name, v.Count)).ToList(),
        facets.Years.Select(y => new YearCountResponse(y.Year, y.Count)).ToList());
}

public sealed record FacetValueResponse(string Slug, string Name, int Count);

public sealed record YearCountResponse(int Year, int Count);
