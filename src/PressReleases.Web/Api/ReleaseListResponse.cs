using System.Text.Json.Serialization;
using PressReleases.Core.Search;

namespace PressReleases.Web.Api;

/// <summary>GET /api/releases.</summary>
public sealed record ReleaseListResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ReleaseListItem> Items,
    FacetsResponse Facets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InterpretedAs)
{
    public static ReleaseListResponse From(SearchResult result) => new(
        result.Total,
        result.Page,
        result.PageSize,
        result.Items.Select(ReleaseListItem.From).ToList(),
        FacetsResponse.From(result.Facets),
        result.InterpretedAs);
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
