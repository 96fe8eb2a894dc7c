using System.Net;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Querying;
using PressReleases.Web.Listing;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// Hostile query strings against the pages and the JSON API over the seeds: each gets a clear 4xx or a
/// bounded answer (and says which limit it applied), never a 500.
/// </summary>
public sealed class HostileQueryTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    /// <summary>Where a listing's parameters are read: pages (bad values become notices) and machine surfaces (bad values are 400).</summary>
    private static readonly string[] PageSurfaces = ["/releases", "/ministers/{minister}", "/portfolios/{portfolio}"];

    private static readonly string[] ApiSurfaces = ["/api/releases", "/api/releases.csv", "/api/releases.ndjson", "/feeds/releases.atom"];

    /// <summary>
    /// Query strings (no '?') that must never cost a server error, with what they deserve: whether the API
    /// answers 400 (else 200), and whether a page shows the "could not be used" notice.
    /// </summary>
    public static TheoryData<string, bool, bool> HostileQueries => new()
    {
        { "q=" + Uri.EscapeDataString(new string('x', 20_000)), false, false },
        { "q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 3_000).Select(i => "w" + i))), false, false },
        { "q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("\"a ", 500))), false, false },
        { "q=" + Uri.EscapeDataString(new string('(', 2_000)), false, false },
        { "q=" + Uri.EscapeDataString(string.Join(" OR ", Enumerable.Repeat("co*", 400))), false, false },
        { "q=*", false, false },
        { "q=**", false, false },
        { "q=%3F*", false, false },
        { "q=a*", false, false },
        { "q=*%3A*", false, false },
        { "q=title%3A*", false, false },
        { "q=minister%3A*", false, false },
        { "q=%00%01%02%EF%BF%BF", false, false },
        { "q=%F0%9F%92%A5%E2%80%AE", false, false },
        { "q=%ED%A0%80%FF%FE%C0%AE", false, false },
        { "q=-", false, false },
        { "q=OR%20OR%20AND%20OR", false, false },
        { "q=" + Uri.EscapeDataString("\\\"~^[]{}:/!&&||"), false, false },
        { "q=japan&q=trade&q=", false, false },
        { "unknown=1&__proto__=x&page%5B%5D=2&q%5B%5D=japan", false, false },
        { "page=2147483647", false, false },
        { "page=-2147483648", false, false },
        { "page=99999999999999999999", true, true },
        { "page=1e9", true, true },
        { "pageSize=2147483647&page=2147483647", false, false },
        { "pageSize=99999999999", true, false },
        { "facetLimit=2147483647", false, false },
        { "from=2014-13-45", true, true },
        { "from=yesterday", true, true },
        { "to=2014-01-01T00%3A00%3A00%2B13%3A00", true, true },
        { "from=0001-01-01&to=9999-12-31", false, false },
        { "from=9999-12-31&to=0001-01-01", true, true },
        { "sort=%3BDROP%20TABLE%20Releases", true, true },
        { "minister=..%2F..%2Fetc%2Fpasswd", true, true },
        { "portfolio=%27%20OR%201%3D1%20--", true, true },
        { string.Join('&', Enumerable.Range(0, 60).Select(i => $"minister=minister-{i}")), true, true },
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Page_AnswersEveryHostileQuery_WithAPage(string query, bool apiRejects, bool pageWarns)
    {
        _ = apiRejects;
        var first = await Client.GetReleaseListAsync("pageSize=1");
        var (minister, portfolio) = (first.Facets.Ministers[0].Slug, first.Facets.Portfolios[0].Slug);
        foreach (var surface in PageSurfaces)
        {
            var url = surface.Replace("{minister}", minister, StringComparison.Ordinal).Replace("{portfolio}", portfolio, StringComparison.Ordinal) + "?" + query;
            var page = await Client.GetHtmlAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"GET {Short(url)} answered {(int)page.Status}.");
            Assert.NotNull(page.Document.QuerySelector("h2.result-count"));
            Assert.True(pageWarns == (page.Document.QuerySelector(".notice--warning") is not null), $"GET {Short(url)}: expected {(pageWarns ? "a" : "no")} notice of unusable settings.");
        }
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task ApiExportsAndFeed_AnswerEveryHostileQuery_WithDataOrA400Problem(string query, bool apiRejects, bool pageWarns)
    {
        _ = pageWarns;
        foreach (var surface in ApiSurfaces)
        {
            var url = surface + "?" + query;
            using var response = await Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();

            // Exports and the feed ignore the paging parameters, so only /api/releases must refuse every flagged query.
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.True(apiRejects, $"GET {Short(url)} answered 400 to a query it should answer: {Short(body)}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Short(url)} answered {(int)response.StatusCode}: {Short(body)}");
                Assert.False(apiRejects && surface == "/api/releases", $"GET {Short(url)} answered 200, expected a 400 problem.");
            }
        }
    }

    [Fact]
    public async Task ThousandsOfTerms_AreCutToTheFirst32_AndTheReadingSaysSo()
    {
        var words = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => "japan"));
        var list = await Client.GetReleaseListAsync("q=" + Uri.EscapeDataString(words));
        Assert.Contains($"only the first {UserQueryParser.MaxClauses} terms were used", list.InterpretedAs, StringComparison.Ordinal);
        Assert.Contains($"cut to its first {SearchRequest.MaxQueryLength:N0} characters", list.InterpretedAs, StringComparison.Ordinal);
        Assert.Equal((await Client.GetReleaseListAsync("q=japan")).Total, list.Total);

        var page = await Client.GetPageAsync("/releases?q=" + Uri.EscapeDataString(words));
        Assert.Contains($"only the first {UserQueryParser.MaxClauses} terms were used", page.QuerySelector(".interpreted")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("?*")]
    [InlineData("a*")]
    [InlineData("title:a*")]
    public async Task PrefixOfUnderTwoLetters_IsIgnored_RatherThanExpandedOverTheVocabulary(string prefix)
    {
        var list = await Client.GetReleaseListAsync("q=" + Uri.EscapeDataString(prefix));
        Assert.Contains("a prefix needs at least two letters", list.InterpretedAs, StringComparison.Ordinal);
        Assert.Equal(SeedCorpus.ExpectedReleases, list.Total);

        var page = await Client.GetPageAsync("/releases?q=" + Uri.EscapeDataString(prefix));
        Assert.Contains("a prefix needs at least two letters", page.QuerySelector(".interpreted")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepPagination_AnswersTheLastPage_NotAnError()
    {
        var list = await Client.GetReleaseListAsync("pageSize=100&page=2147483647");
        var lastPage = (SeedCorpus.ExpectedReleases + 99) / 100;
        Assert.Equal(lastPage, list.Page);
        Assert.Equal(SeedCorpus.ExpectedReleases - ((lastPage - 1) * 100), list.Items.Count);

        var listing = ListingPage.Parse(await Client.GetPageAsync("/releases?page=2147483647"));
        Assert.Equal((SeedCorpus.ExpectedReleases + SearchRequest.DefaultPageSize - 1) / SearchRequest.DefaultPageSize, listing.CurrentPage);
    }

    [Theory]
    [InlineData(100, 2_147_483_647, 100)]
    [InlineData(7, 1_000_000, 1_428)]
    [InlineData(2_147_483_647, 2_147_483_647, 100)]
    [InlineData(20, -5, 1)]
    public void PagingParameters_AreClampedInsideTheResultWindow(int pageSize, int page, int expectedPage)
    {
        // Over the seeds every page past the end is the last page anyway, so the window itself is checked where it is applied.
        var (request, problems) = ListingQuery.Parse(Query($"pageSize={pageSize}&page={page}"), ListingSurface.Api);
        Assert.Empty(problems);
        Assert.Equal(expectedPage, request.Page);
        Assert.True((long)request.Page * request.PageSize <= SearchService.MaxResultWindow, $"page {request.Page} × pageSize {request.PageSize} is past the {SearchService.MaxResultWindow:N0}-result window.");
    }

    [Fact]
    public async Task PageNumberThatIsNotAnInt_IsA400Problem_NamingIt()
    {
        var response = await Client.GetJsonAsync("/api/releases?page=99999999999999999999");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Root.GetProperty("errors").TryGetProperty("page", out _), response.Body);
    }

    [Fact]
    public async Task MoreThanTheSelectableMinisters_IsA400ProblemForTheApi_AndANoticeOnThePage()
    {
        var tooMany = string.Join('&', Enumerable.Range(0, ListingParameters.MaxSelected + 1).Select(i => $"minister=minister-{i}"));
        var response = await Client.GetJsonAsync("/api/releases?" + tooMany);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains($"At most {ListingParameters.MaxSelected}", response.Root.GetProperty("errors").GetProperty("minister")[0].GetString(), StringComparison.Ordinal);

        var page = await Client.GetPageAsync("/releases?" + tooMany);
        Assert.Contains($"At most {ListingParameters.MaxSelected}", page.QuerySelector(".notice--warning")?.TextContent, StringComparison.Ordinal);

        var exactlyEnough = string.Join('&', Enumerable.Range(0, ListingParameters.MaxSelected).Select(i => $"minister=minister-{i}"));
        Assert.Equal(0, (await Client.GetReleaseListAsync(exactlyEnough)).Total);
    }

    [Fact]
    public async Task UnknownParameters_AreIgnored()
    {
        var plain = await Client.GetReleaseListAsync("q=japan&pageSize=50");
        var noisy = await Client.GetReleaseListAsync("q=japan&pageSize=50&unknown=1&__proto__=x&q%5B%5D=trade&callback=alert(1)");
        Assert.True(plain.Total > 0);
        Assert.Equal(plain.Total, noisy.Total);
        Assert.Equal(plain.Items.Select(i => i.Slug), noisy.Items.Select(i => i.Slug));
    }

    [Theory]
    [InlineData("from", "2014-13-45")]
    [InlineData("from", "yesterday")]
    [InlineData("to", "2014-01-01T00:00:00+13:00")]
    [InlineData("to", "99999-01-01")]
    public async Task InvalidDate_IsA400ProblemForTheApi_AndANoticeOnThePage(string parameter, string value)
    {
        var query = $"{parameter}={Uri.EscapeDataString(value)}";
        var response = await Client.GetJsonAsync("/api/releases?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Root.GetProperty("errors").TryGetProperty(parameter, out _), response.Body);

        var page = await Client.GetPageAsync("/releases?" + query);
        Assert.Contains("is not a date", page.QuerySelector(".notice--warning")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(SeedCorpus.ExpectedReleases, ListingPage.Parse(page).Count);
    }

    private static Microsoft.AspNetCore.Http.QueryCollection Query(string query) =>
        new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query));

    private static string Short(string value) => value.Length > 200 ? value[..200] + "…" : value;
}
