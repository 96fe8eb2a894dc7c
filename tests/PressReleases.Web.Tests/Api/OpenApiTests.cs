using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>/openapi/v1.json describes the machine-readable endpoints, and only those.</summary>
public sealed class OpenApiTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private async Task<JsonElement> DocumentAsync()
    {
        var response = await site.Client.GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Root;
    }

    [Fact]
    public async Task Document_ListsTheApiHealthAndFeedPaths_AndNoPages()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[] { "/api/releases", "/api/releases.csv", "/api/releases.ndjson", "/api/releases/{slug}", "/api/releases/{slug}/history", "/api/trends", "/feeds/releases.atom", "/healthz", "/healthz/live" }.Order(StringComparer.Ordinal),
            paths.Select(p => p.TrimEnd('/')).Where(p => p.Length > 0));
    }

    [Fact]
    public async Task Operations_HaveSummariesParametersAndStatusCodes()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var list = Operation(paths, "/api/releases");
        var detail = Operation(paths, "/api/releases/{slug}");
        var csv = Operation(paths, "/api/releases.csv");
        var ndjson = Operation(paths, "/api/releases.ndjson");

        foreach (var operation in new[] { list, detail, csv, ndjson, Operation(paths, "/healthz"), Operation(paths, "/feeds/releases.atom") })
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        }

        Assert.Equal(["q", "minister", "portfolio", "from", "to", "status", "sort", "page", "pageSize", "facetLimit"], Parameters(list));
        Assert.Equal(["q", "minister", "portfolio", "from", "to", "status", "sort"], Parameters(csv));
        Assert.All(list.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        Assert.Equal(["slug"], Parameters(detail));

        Assert.Superset(new HashSet<string> { "200", "400", "503" }, Codes(list));
        Assert.Superset(new HashSet<string> { "200", "404", "410", "503" }, Codes(detail));
        Assert.Superset(new HashSet<string> { "200", "400", "503" }, Codes(csv));
        Assert.True(csv.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(ndjson.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
        Assert.Superset(new HashSet<string> { "200", "503" }, Codes(Operation(paths, "/healthz")));
    }

    [Fact]
    public async Task Trends_TakeTheListingsWordsNamesAndDates_AndASplit()
    {
        var document = await DocumentAsync();
        var trends = Operation(document.GetProperty("paths"), "/api/trends");

        Assert.False(string.IsNullOrWhiteSpace(trends.GetProperty("summary").GetString()));
        Assert.Equal(["q", "minister", "portfolio", "from", "to", "status", "split"], Parameters(trends));
        var split = trends.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "split");
        Assert.Equal(["minister", "portfolio"], split.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Superset(new HashSet<string> { "200", "400", "503" }, Codes(trends));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["period", "total", "undated", "interpretedAs", "matchedAnyWord", "split", "periods"], Properties(schemas, "TrendResponse"));
        Assert.Equal(["period", "start", "end", "count", "all", "share", "split", "other"], Properties(schemas, "TrendPeriodResponse"));
    }

    [Fact]
    public async Task Schemas_UseTheJsonNamesOfTheResponses()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["total", "page", "pageSize", "items", "facets", "interpretedAs", "didYouMean", "matchedAnyWord", "words", "readings"], Properties(schemas, "ReleaseListResponse"));
        Assert.Equal(["slug", "title", "date", "url", "ministers", "portfolios", "snippet", "missingWords", "withdrawn"], Properties(schemas, "ReleaseListItem"));
        Assert.Equal(["count", "minimum", "allWordsTotal", "facetsCount"], Properties(schemas, "WordMatchResponse"));
        Assert.Equal(["text", "minister", "year", "queryWithout"], Properties(schemas, "ReadingResponse"));
        Assert.Equal(["slug", "title", "date", "url", "permalink", "ministers", "portfolios", "withdrawn"], Properties(schemas, "ExportItem"));
        Assert.Equal(["slug", "title", "date", "url", "ministers", "portfolios", "html", "attachments", "attachmentLinks", "related", "fromSearchIndex", "reannouncements"], Properties(schemas, "ReleaseResponse"));
        Assert.Equal(["url", "name"], Properties(schemas, "AttachmentLinkResponse"));
        Assert.Equal(["slug", "title", "date", "share", "otherShare", "first"], Properties(schemas, "ReannouncementResponse"));
    }

    private static JsonElement Operation(JsonElement paths, string path)
    {
        var entry = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == path);
        return entry.Value.GetProperty("get");
    }

    private static List<string> Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();

    private static HashSet<string> Codes(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();

    private static List<string> Properties(JsonElement schemas, string name) =>
        schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
