using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>/api/releases and /api/releases/{slug} over the seed releases.</summary>
public sealed partial class ReleasesApiTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task List_HasExactlyTheDocumentedShape()
    {
        var response = await Client.GetJsonAsync("/api/releases?pageSize=5");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        var root = response.Root;

        AssertKeys(root, "total", "page", "pageSize", "items", "facets", "interpretedAs", "didYouMean", "matchedAnyWord", "words", "readings");

        // Without a query there is nothing to read, correct or widen: the fields are there, empty.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("interpretedAs").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("didYouMean").ValueKind);
        Assert.False(root.GetProperty("matchedAnyWord").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("words").ValueKind);
        Assert.Empty(root.GetProperty("readings").EnumerateArray());
        Assert.Equal(SeedCorpus.ExpectedReleases, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(5, root.GetProperty("pageSize").GetInt32());

        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            AssertKeys(item, "slug", "title", "date", "url", "ministers", "portfolios", "snippet", "missingWords", "withdrawn");
            Assert.False(item.GetProperty("withdrawn").GetBoolean());
            Assert.Empty(item.GetProperty("missingWords").EnumerateArray());
            Assert.Equal(JsonValueKind.String, item.GetProperty("slug").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("title").ValueKind);
            Assert.Matches(IsoDate(), item.GetProperty("date").GetString());
            Assert.StartsWith("https://www.beehive.govt.nz/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, item.GetProperty("snippet").ValueKind);
            foreach (var name in item.GetProperty("ministers").EnumerateArray().Concat(item.GetProperty("portfolios").EnumerateArray()))
            {
                AssertKeys(name, "slug", "name");
            }
        }

        var facets = root.GetProperty("facets");
        AssertKeys(facets, "ministers", "portfolios", "years");
        foreach (var value in facets.GetProperty("ministers").EnumerateArray().Concat(facets.GetProperty("portfolios").EnumerateArray()))
        {
            AssertKeys(value, "slug", "name", "count");
            Assert.Equal(JsonValueKind.Number, value.GetProperty("count").ValueKind);
        }

        foreach (var year in facets.GetProperty("years").EnumerateArray())
        {
            AssertKeys(year, "year", "count");
        }
    }

    [Fact]
    public async Task EveryItem_CarriesItsFilesTitleDateAndUrl()
    {
        var all = await Client.GetAllReleasesAsync();

        // The export has urls that occur twice (different releases on different dates): url and date identify a file.
        var files = SeedCorpus.Accepted.ToDictionary(f => (f.Url, f.KnownDate is null ? null : f.Date));
        Assert.Equal(files.Keys.Order(), all.Select(i => (i.Url, i.Date)).Order());
        foreach (var item in all)
        {
            var file = files[(item.Url, item.Date)];
            Assert.Matches(IsoDate(), item.Date ?? "2000-01-01");
            Assert.Equal(file.Portfolios.Count, item.Portfolios.Count);
        }
    }

    [Fact]
    public async Task Facets_AreSortedByCount_AndYearsByYear_AndAddUp()
    {
        var list = await Client.GetReleaseListAsync("facetLimit=200");
        foreach (var facet in new[] { list.Facets.Ministers, list.Facets.Portfolios })
        {
            Assert.NotEmpty(facet);
            Assert.Equal(facet.Select(v => v.Count).OrderDescending(), facet.Select(v => v.Count));
            Assert.All(facet, v => Assert.True(v.Count > 0));
        }

        var years = list.Facets.Years.Select(y => y.Year).ToList();
        Assert.Equal(years.Order(), years);
        Assert.Equal(years.Distinct().Count(), years.Count);

        // Each dated release counts in its year; undated ones in none.
        var expected = SeedCorpus.Accepted.Where(f => f.KnownDate is not null).GroupBy(f => f.KnownDate!.Value.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()));
        Assert.Equal(expected, list.Facets.Years.Select(y => (y.Year, y.Count)));
    }

    [Fact]
    public async Task FacetLimit_CutsTheLists_ButNotTheCounts()
    {
        var full = await Client.GetReleaseListAsync("q=minister&facetLimit=200");
        var cut = await Client.GetReleaseListAsync("q=minister&facetLimit=3");
        Assert.True(full.Facets.Ministers.Count > 3 && full.Facets.Portfolios.Count > 3, "The test needs more than three values per facet.");

        foreach (var (cutValues, fullValues, parameter) in new[] { (cut.Facets.Ministers, full.Facets.Ministers, "minister"), (cut.Facets.Portfolios, full.Facets.Portfolios, "portfolio") })
        {
            Assert.Equal(3, cutValues.Count);
            Assert.Equal(fullValues.Take(3).Select(v => v.Count), cutValues.Select(v => v.Count));
            foreach (var value in cutValues)
            {
                var alone = await Client.GetReleaseListAsync($"q=minister&{parameter}={value.Slug}&pageSize=1");
                Assert.Equal(alone.Total, value.Count);
            }
        }

        Assert.Equal(full.Total, cut.Total);
        Assert.Equal(full.Facets.Years, cut.Facets.Years);
    }

    [Fact]
    public async Task SelectedValue_StaysInItsFacet_EvenBeyondTheLimit()
    {
        var full = await Client.GetReleaseListAsync("facetLimit=200");
        var rare = full.Facets.Ministers[^1];
        var list = await Client.GetReleaseListAsync($"facetLimit=2&minister={rare.Slug}");
        Assert.Equal(3, list.Facets.Ministers.Count);
        Assert.Equal(rare, list.Facets.Ministers[^1]);
        Assert.Equal(rare.Count, list.Total);
    }

    [Fact]
    public async Task FacetLimitZero_ReturnsNoMinisterOrPortfolioValues()
    {
        // facetLimit is accepted from 0 (a lower value is a 400), so 0 should mean "no values", not one.
        var list = await Client.GetReleaseListAsync("facetLimit=0&pageSize=1");
        Assert.Empty(list.Facets.Ministers);
        Assert.Empty(list.Facets.Portfolios);
    }

    [Fact]
    public async Task PageSize_IsCappedAt100()
    {
        Assert.True(SeedCorpus.ExpectedReleases > 100, "The test needs more than 100 releases.");
        var list = await Client.GetReleaseListAsync("pageSize=1000");
        Assert.Equal(100, list.PageSize);
        Assert.Equal(100, list.Items.Count);
        Assert.Equal(SeedCorpus.ExpectedReleases, list.Total);

        var exact = await Client.GetReleaseListAsync("pageSize=100");
        Assert.Equal(exact.Items.Select(i => i.Slug), list.Items.Select(i => i.Slug));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=-5", "pageSize")]
    [InlineData("pageSize=many", "pageSize")]
    [InlineData("facetLimit=-1", "facetLimit")]
    [InlineData("from=2020-02-30", "from")]
    [InlineData("to=31/12/2020", "to")]
    [InlineData("sort=random", "sort")]
    [InlineData("minister=Jacinda%20Ardern", "minister")]
    public async Task UnusableParameter_IsA400Problem_NamingIt(string query, string parameter)
    {
        var response = await Client.GetJsonAsync("/api/releases?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(400, response.Root.GetProperty("status").GetInt32());
        Assert.True(response.Root.GetProperty("errors").TryGetProperty(parameter, out var messages), response.Body);
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task QueryLongerThanTheLimit_IsCutAndSearched_AsDocumented()
    {
        // docs/search.md, Bounds: "query length 1,000 characters (the rest is cut, and the reading says so)".
        var longQuery = string.Join(' ', Enumerable.Repeat("japan", 300));
        var cut = longQuery[..1000].Trim();
        var expected = await Client.GetReleaseListAsync("q=" + Uri.EscapeDataString(cut));
        Assert.True(expected.Total > 0);

        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?q=" + Uri.EscapeDataString(longQuery)));
        Assert.Equal(expected.Total, page.Count);
        Assert.Contains("1,000", page.Document.QuerySelector(".interpreted")?.TextContent, StringComparison.Ordinal);

        var response = await Client.GetJsonAsync("/api/releases?q=" + Uri.EscapeDataString(longQuery));
        Assert.True(response.Status == HttpStatusCode.OK, $"The API answered {(int)response.Status} for a {longQuery.Length}-character query: {response.Body}");
        Assert.Equal(expected.Total, response.Root.GetProperty("total").GetInt32());
        Assert.Contains("1,000", response.Root.GetProperty("interpretedAs").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CoverEveryReleaseOnce()
    {
        var pageSize = 30;
        var slugs = new List<string>();
        var first = await Client.GetReleaseListAsync($"pageSize={pageSize}");
        for (var page = 1; page <= (first.Total + pageSize - 1) / pageSize; page++)
        {
            var list = await Client.GetReleaseListAsync($"pageSize={pageSize}&page={page}");
            Assert.Equal(page, list.Page);
            Assert.Equal(first.Total, list.Total);
            slugs.AddRange(list.Items.Select(i => i.Slug));
        }

        Assert.Equal(SeedCorpus.ExpectedReleases, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Fact]
    public async Task Snippets_MarkTheSearchedWords()
    {
        var list = await Client.GetReleaseListAsync("q=whaling&pageSize=100");
        Assert.NotEmpty(list.Items);
        foreach (var item in list.Items)
        {
            var marks = MarkedWords().Matches(item.Snippet + " " + item.Title).Select(m => m.Groups[1].Value).ToList();
            Assert.True(marks.Count > 0 || item.Title.Contains("whaling", StringComparison.OrdinalIgnoreCase), $"No <mark> in the snippet of {item.Slug}: {item.Snippet}");
            Assert.All(marks, m => Assert.StartsWith("whal", m, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task MalformedQueries_AreReadAsWords_AndSayHow()
    {
        var response = await Client.GetJsonAsync("/api/releases?q=%22free%20trade");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.String, response.Root.GetProperty("interpretedAs").ValueKind);

        var closed = await Client.GetReleaseListAsync("q=%22free%20trade%22");
        var unclosed = await Client.GetReleaseListAsync("q=%22free%20trade");
        Assert.Equal(closed.Total, unclosed.Total);
        Assert.True(closed.Total > 0);
    }

    [Fact]
    public async Task Release_HasExactlyTheDocumentedShape()
    {
        var file = SeedCorpus.Accepted.First(f => f.Attachments.Count > 0 && SafeSlug().IsMatch(f.UrlSegment) && f.KnownDate is not null);
        var response = await Client.GetJsonAsync($"/api/releases/{file.UrlSegment}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        AssertKeys(response.Root, "slug", "title", "date", "url", "ministers", "portfolios", "html", "attachments", "attachmentLinks", "related", "fromSearchIndex", "reannouncements");
        Assert.False(response.Root.GetProperty("fromSearchIndex").GetBoolean());
        Assert.Equal(file.Date, response.Root.GetProperty("date").GetString());
        Assert.Equal(file.Url, response.Root.GetProperty("url").GetString());
        Assert.Equal(file.Attachments, response.Root.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        // The seeds list bare addresses: the same ones again, each with a null name.
        Assert.All(response.Root.GetProperty("attachmentLinks").EnumerateArray(), l => AssertKeys(l, "url", "name"));
        Assert.Equal(
            file.Attachments.Select(a => ((string?)a, JsonValueKind.Null)),
            response.Root.GetProperty("attachmentLinks").EnumerateArray().Select(l => (l.GetProperty("url").GetString(), l.GetProperty("name").ValueKind)));
        Assert.Contains("<p>", response.Root.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRelease_IsA404Problem()
    {
        var response = await Client.GetJsonAsync("/api/releases/no-such-release");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Root.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, response.Root.GetProperty("title").ValueKind);
    }

    [Fact]
    public async Task UnknownApiPath_IsA404Problem_NotAnHtmlPage()
    {
        var response = await Client.GetJsonAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Root.GetProperty("status").GetInt32());
    }

    private static void AssertKeys(JsonElement element, params string[] expected)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(expected.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SafeSlug();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkedWords();
}
