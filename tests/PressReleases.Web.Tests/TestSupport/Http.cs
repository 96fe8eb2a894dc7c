using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PressReleases.Web.Tests.TestSupport;

public sealed record HtmlResponse(HttpStatusCode Status, string? MediaType, string Html, IHtmlDocument Document);

public sealed record JsonResponse(HttpStatusCode Status, string? MediaType, string Body, JsonElement Root);

/// <summary>Real HTTP requests to the test server, parsed with AngleSharp or System.Text.Json.</summary>
public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HtmlResponse> GetHtmlAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, html, new HtmlParser().ParseDocument(html));
    }

    /// <summary>A page that must answer 200.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var page = await client.GetHtmlAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}, expected 200.");
        return page.Document;
    }

    public static async Task<JsonResponse> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"GET {url} answered {(int)response.StatusCode} with a body that is not JSON ({ex.Message}): {Shorten(body)}");
        }

        return new JsonResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, root);
    }

    /// <summary>GET /api/releases with <paramref name="query"/> (no leading '?'), which must answer 200.</summary>
    public static async Task<ApiReleaseList> GetReleaseListAsync(this HttpClient client, string query = "")
    {
        var url = "/api/releases" + (query.Length > 0 ? "?" + query : "");
        var response = await client.GetJsonAsync(url);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {url} answered {(int)response.Status}: {Shorten(response.Body)}");
        return response.Root.Deserialize<ApiReleaseList>(Json)!;
    }

    /// <summary>Every release the API lists for <paramref name="query"/>, paging through with the largest page size.</summary>
    public static async Task<List<ApiReleaseItem>> GetAllReleasesAsync(this HttpClient client, string query = "")
    {
        var all = new List<ApiReleaseItem>();
        var prefix = query.Length > 0 ? query + "&" : "";
        for (var page = 1; ; page++)
        {
            var list = await client.GetReleaseListAsync($"{prefix}pageSize=100&page={page}");
            all.AddRange(list.Items);
            if (all.Count >= list.Total || list.Items.Count == 0 || list.Page < page)
            {
                Assert.Equal(list.Total, all.Count);
                return all;
            }
        }
    }

    public static async Task<ApiRelease> GetReleaseAsync(this HttpClient client, string slug)
    {
        var response = await client.GetJsonAsync($"/api/releases/{slug}");
        Assert.True(response.Status == HttpStatusCode.OK, $"GET /api/releases/{slug} answered {(int)response.Status}: {Shorten(response.Body)}");
        return response.Root.Deserialize<ApiRelease>(Json)!;
    }

    public static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Shorten(string value) => value.Length > 600 ? value[..600] + "…" : value;
}

public sealed record ApiName(string Slug, string Name);

public sealed record ApiFacetValue(string Slug, string Name, int Count);

public sealed record ApiYear(int Year, int Count);

public sealed record ApiFacets(List<ApiFacetValue> Ministers, List<ApiFacetValue> Portfolios, List<ApiYear> Years);

public sealed record ApiReleaseItem(string Slug, string Title, string? Date, string Url, List<ApiName> Ministers, List<ApiName> Portfolios, string Snippet, bool Withdrawn = false);

public sealed record ApiReleaseList(
    int Total, int Page, int PageSize, List<ApiReleaseItem> Items, ApiFacets Facets, string? InterpretedAs, string? DidYouMean, bool MatchedAnyWord);

public sealed record ApiRelated(string Slug, string Title, string? Date);

public sealed record ApiRelease(
    string Slug, string Title, string? Date, string Url, List<ApiName> Ministers, List<ApiName> Portfolios, string Html, List<string> Attachments, List<ApiRelated> Related);
