using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases.</summary>
/// <param name="InterpretedAs">How the query was read; always present, null without a query.</param>
/// <param name="DidYouMean">The query with misspellings corrected; always present, null when it looks right.</param>
/// <param name="MatchedAnyWord">True when no release had all the words, so these have any of them.</param>
public sealed record ReleaseListResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ReleaseListItem> Items,
    FacetsResponse Facets,
    string? InterpretedAs,
    string? DidYouMean,
    bool MatchedAnyWord)
{
    public static ReleaseListResponse From(SearchResult result) => new(
        result.Total,
        result.Page,
        result.PageSize,
        result.Items.Select(ReleaseListItem.From).ToList(),
        FacetsResponse.From(result.Facets),
        result.InterpretedAs,
        result.DidYouMean,
        result.MatchedAnyWord);
}

/// <param name="Url">The release's original address on beehive.govt.nz.</param>
/// <param name="Snippet">HTML: encoded text with &lt;mark&gt; around the matched words.</param>
public sealed record ReleaseListItem(
    string Slug,
    string Title,
    DateOnly? Date,
    string Url,
    IReadOnlyList<NameResponse> Ministers,
    IReadOnlyList<NameResponse> Portfolios,
    string Snippet)
{
    public static ReleaseListItem From(SearchHit hit) => new(
        hit.Slug,
        hit.Title,
        hit.Date,
        hit.SourceUrl,
        NameResponse.From(hit.Ministers),
        NameResponse.From(hit.Portfolios),
        hit.SnippetHtml);
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
