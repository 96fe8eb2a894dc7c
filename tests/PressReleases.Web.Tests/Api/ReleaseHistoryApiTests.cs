using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.Pages.Releases;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>GET /api/releases/{slug}/history over real HTTP, on the site of the history page's tests.</summary>
public sealed class ReleaseHistoryApiTests(RevisionsFixture site) : IClassFixture<RevisionsFixture>
{
    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task EditedRelease_GivesEveryVersionOldestFirst_WithItsContentAndSeenTimes()
    {
        var response = await site.Client.GetJsonAsync($"/api/releases/{RevisionsFixture.Edited.Slug}/history");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(RevisionsFixture.Edited.Slug, response.Root.GetProperty("slug").GetString());
        Assert.Equal(RevisionsFixture.Edited.Url, response.Root.GetProperty("url").GetString());
        var versions = response.Root.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal([false, false, true], versions.Select(v => v.GetProperty("current").GetBoolean()));
        Assert.Equal(["Budget day announced", "Budget day confirmed", "Budget day confirmed"], versions.Select(v => v.GetProperty("title").GetString()));
        Assert.Equal(["2020-01-15", "2020-01-15", "2020-01-16"], versions.Select(v => v.GetProperty("date").GetString()));
        Assert.Equal(["Grant Robertson"], Strings(versions[0].GetProperty("ministers")));
        Assert.Equal(["Grant Robertson", "Chris Hipkins"], Strings(versions[1].GetProperty("ministers")));
        Assert.Equal(["Finance"], Strings(versions[2].GetProperty("portfolios")));
        Assert.Equal("The Budget will be delivered on 14 May.\nIt will focus on wellbeing.\nMore details will follow.", versions[0].GetProperty("bodyText").GetString());
        Assert.Contains("<p>More details will follow.</p>", versions[0].GetProperty("html").GetString(), StringComparison.Ordinal);

        var seen = versions.Select(v => (First: v.GetProperty("firstSeen").GetDateTimeOffset(), Last: v.GetProperty("lastSeen").GetDateTimeOffset())).ToList();
        Assert.All(seen, s => Assert.True(s.First <= s.Last));
        Assert.True(seen[0].Last <= seen[1].First && seen[1].Last <= seen[2].First, "versions overlap in time");
    }

    [Fact]
    public async Task UneditedRelease_HasOneVersion_TheCurrentOne()
    {
        var response = await site.Client.GetJsonAsync($"/api/releases/{RevisionsFixture.Unedited.Slug}/history");

        var version = Assert.Single(response.Root.GetProperty("versions").EnumerateArray().ToList());
        Assert.True(version.GetProperty("current").GetBoolean());
        Assert.Equal(RevisionsFixture.Unedited.Title, version.GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnknownRelease_Is404_AndAWithdrawnOne_410_WithItsHistory()
    {
        var missing = await site.Client.GetJsonAsync("/api/releases/no-such-release/history");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.MediaType);

        var gone = await site.Client.GetJsonAsync($"/api/releases/{RevisionsFixture.Withdrawn.Slug}/history");
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Equal("application/problem+json", gone.MediaType);
        Assert.Equal(RevisionsFixture.Withdrawn.Url, gone.Root.GetProperty("url").GetString());
        var kept = Assert.Single(gone.Root.GetProperty("history").GetProperty("versions").EnumerateArray().ToList());
        Assert.Equal(RevisionsFixture.Withdrawn.Title, kept.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApiDescription_DescribesTheEndpoint_AndItsVersions()
    {
        var document = (await site.Client.GetJsonAsync("/openapi/v1.json")).Root;

        var operation = document.GetProperty("paths").GetProperty("/api/releases/{slug}/history").GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.Equal(["slug"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Superset(new HashSet<string> { "200", "404", "410", "503" }, operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["slug", "url", "versions"], schemas.GetProperty("ReleaseHistoryResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["number", "current", "firstSeen", "lastSeen", "title", "date", "ministers", "portfolios", "bodyText", "html"],
            schemas.GetProperty("ReleaseVersionResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
