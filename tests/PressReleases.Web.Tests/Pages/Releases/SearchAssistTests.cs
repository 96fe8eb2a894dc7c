using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>Did-you-mean, the any-word fallback and their API fields, over a corpus written for them.</summary>
public sealed class SearchAssistTests(SearchAssistFixture site) : IClassFixture<SearchAssistFixture>
{
    private HttpClient Client => site.Client;

    /// <summary>The correctly spelled word, in six of the releases, and a spelling of it no release has.</summary>
    private const string Correct = "geothermal";
    private const string Misspelled = "geotermal";

    [Fact]
    public async Task MisspelledSearch_OffersTheCorrectedOne_KeepingTheFilters()
    {
        Assert.Equal(6, SearchAssistFixture.All.Count(s => s.Body.Contains(Correct, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(SearchAssistFixture.All, s => (s.Title + s.Body).Contains(Misspelled, StringComparison.OrdinalIgnoreCase));

        var api = await Client.GetReleaseListAsync($"q={Misspelled}");
        Assert.Equal(0, api.Total);
        Assert.Equal(Correct, api.DidYouMean);

        var url = $"/releases?q={Misspelled}&portfolio=energy-and-resources&from=2014-01-01&sort=oldest";
        var page = ListingPage.Parse(await Client.GetPageAsync(url));
        Assert.Equal(0, page.Count);
        var link = page.Document.QuerySelector(".empty .did-you-mean a");
        Assert.NotNull(link);
        Assert.Equal(Correct, link.TextContent.Trim());

        var href = link.GetAttribute("href")!;
        Assert.Equal("/releases", ListingPage.PathOf(href));
        Assert.Equal(Correct, ListingPage.QueryValues(href, "q").ToString());
        Assert.Equal("energy-and-resources", ListingPage.QueryValues(href, "portfolio").ToString());
        Assert.Equal("2014-01-01", ListingPage.QueryValues(href, "from").ToString());
        Assert.Equal("oldest", ListingPage.QueryValues(href, "sort").ToString());
        Assert.Equal(0, ListingPage.QueryValues(href, "page").Count);

        // The suggestion leads to the releases the filters allow: all six are in the portfolio and after the date.
        var corrected = ListingPage.Parse(await Client.GetPageAsync(href));
        Assert.Equal(6, corrected.Count);
    }

    [Fact]
    public async Task CorrectSearch_OffersNoCorrection()
    {
        var page = ListingPage.Parse(await Client.GetPageAsync($"/releases?q={Correct}"));
        Assert.Equal(6, page.Count);
        Assert.Null(page.Document.QuerySelector(".did-you-mean"));

        var api = await Client.GetJsonAsync($"/api/releases?q={Correct}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, api.Root.GetProperty("didYouMean").ValueKind);
    }

    [Fact]
    public async Task WordsNoReleaseHasTogether_ListTheReleasesWithEither_AndSaySo()
    {
        var withEither = SearchAssistFixture.All
            .Where(s => Regex.IsMatch(s.Title + " " + s.Body, @"\b(kiwifruit|submarine)\b", RegexOptions.IgnoreCase))
            .Select(s => s.Slug)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, withEither.Count);

        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?q=kiwifruit%20submarine"));
        Assert.Equal(withEither, page.Slugs.Order(StringComparer.Ordinal));
        var notice = page.Document.QuerySelector(".any-word");
        Assert.NotNull(notice);
        Assert.Contains("No release has all of your words", notice.TextContent, StringComparison.Ordinal);

        var api = await Client.GetReleaseListAsync("q=kiwifruit%20submarine");
        Assert.True(api.MatchedAnyWord);
        Assert.Equal(withEither, api.Items.Select(i => i.Slug).Order(StringComparer.Ordinal));
        Assert.NotNull(api.InterpretedAs);
    }

    [Fact]
    public async Task FewReleasesWithEveryWord_ComeFirst_ThenTheRestSayWhichWordTheyLack()
    {
        // Two releases say "geothermal power"; four more say only "geothermal".
        var both = SearchAssistFixture.All.Where(s => Regex.IsMatch(s.Title + " " + s.Body, @"geothermal power", RegexOptions.IgnoreCase)).Select(s => s.Slug).ToList();
        var onlyGeothermal = SearchAssistFixture.All.Where(s => Regex.IsMatch(s.Title + " " + s.Body, @"\bgeothermal\b", RegexOptions.IgnoreCase)).Select(s => s.Slug).Except(both).ToList();
        Assert.Equal(2, both.Count);
        Assert.NotEmpty(onlyGeothermal);

        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?q=geothermal%20power"));
        Assert.Equal(both.Order(StringComparer.Ordinal), page.Slugs.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(onlyGeothermal.Order(StringComparer.Ordinal), page.Slugs.Skip(2).Order(StringComparer.Ordinal));
        var notice = page.Document.QuerySelector(".most-words")?.TextContent ?? "";
        Assert.Contains("2 releases have all of your words and come first", notice, StringComparison.Ordinal);
        Assert.Contains("The filters count the 2 releases with all of your words", notice, StringComparison.Ordinal);
        var missing = page.Document.QuerySelectorAll("li.result").Select(r => r.QuerySelector(".result__missing")?.TextContent).ToList();
        Assert.Equal([null, null, .. onlyGeothermal.Select(_ => "Missing: power")], missing);

        var api = await Client.GetJsonAsync("/api/releases?q=geothermal%20power");
        var words = api.Root.GetProperty("words");
        Assert.Equal((2, 1, 2, "allWords"), (words.GetProperty("count").GetInt32(), words.GetProperty("minimum").GetInt32(), words.GetProperty("allWordsTotal").GetInt32(), words.GetProperty("facetsCount").GetString()));
        Assert.Equal(2 + onlyGeothermal.Count, api.Root.GetProperty("total").GetInt32());
        Assert.Equal(
            [.. both.Select(_ => ""), .. onlyGeothermal.Select(_ => "power")],
            api.Root.GetProperty("items").EnumerateArray().Select(i => string.Join(",", i.GetProperty("missingWords").EnumerateArray().Select(w => w.GetString()))));
        var ministers = api.Root.GetProperty("facets").GetProperty("ministers").EnumerateArray().ToList();
        Assert.Equal(2, ministers.Single(m => m.GetProperty("name").GetString() == "Aroha Tānemahuta").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task WordsNamingAMinisterOrAYear_AreOfferedAsFilters_OnThePageAndInTheApi()
    {
        var page = await Client.GetPageAsync("/releases?q=aroha%20tanemahuta%20geothermal%202015");
        var links = page.QuerySelectorAll("p.reading a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("show only Aroha Tānemahuta’s releases", "/releases?q=geothermal%202015&minister=aroha-tanemahuta"),
            ("show only releases from 2015", "/releases?q=aroha%20tanemahuta%20geothermal&from=2015-01-01&to=2015-12-31"),
        ],
        links);

        // Following the year link lists the geothermal releases from 2015, which the text never dates.
        var filtered = ListingPage.Parse(await Client.GetPageAsync(links[1].Item2!));
        var from2015 = SearchAssistFixture.All.Where(s => s.Date.StartsWith("2015", StringComparison.Ordinal) && s.Body.Contains("geothermal", StringComparison.OrdinalIgnoreCase)).Select(s => s.Slug);
        Assert.Equal(from2015.Order(StringComparer.Ordinal), filtered.Slugs.Order(StringComparer.Ordinal));

        var api = await Client.GetJsonAsync("/api/releases?q=aroha%20tanemahuta%20geothermal%202015");
        var readings = api.Root.GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal(2, readings.Count);
        Assert.Equal("aroha tanemahuta", readings[0].GetProperty("text").GetString());
        Assert.Equal("aroha-tanemahuta", readings[0].GetProperty("minister").GetProperty("slug").GetString());
        Assert.Equal("geothermal 2015", readings[0].GetProperty("queryWithout").GetString());
        Assert.Equal(2015, readings[1].GetProperty("year").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, readings[1].GetProperty("minister").ValueKind);
    }

    [Fact]
    public async Task OnAMinistersOwnPage_TheirNameIsNotOfferedAsAFilter()
    {
        var page = await Client.GetPageAsync("/ministers/aroha-tanemahuta?q=aroha%20tanemahuta%20geothermal");
        Assert.Empty(page.QuerySelectorAll("p.reading"));
    }

    [Fact]
    public async Task WordsAReleaseHasTogether_GiveNoNotice()
    {
        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?q=geothermal%20power"));
        Assert.True(page.Count > 0);
        Assert.Null(page.Document.QuerySelector(".any-word"));
        Assert.False((await Client.GetReleaseListAsync("q=geothermal%20power")).MatchedAnyWord);
    }

    [Fact]
    public async Task Api_AlwaysHasTheReadingCorrectionAndFallbackFields()
    {
        foreach (var query in new[] { "", "q=geothermal", $"q={Misspelled}", "q=kiwifruit%20submarine" })
        {
            var response = await Client.GetJsonAsync("/api/releases" + (query.Length > 0 ? "?" + query : ""));
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.True(response.Root.TryGetProperty("didYouMean", out _), $"{query}: no didYouMean in {response.Body}");
            Assert.True(response.Root.TryGetProperty("interpretedAs", out var reading), $"{query}: no interpretedAs");
            Assert.True(response.Root.TryGetProperty("matchedAnyWord", out var anyWord), $"{query}: no matchedAnyWord");
            Assert.Equal(query.Length == 0 ? System.Text.Json.JsonValueKind.Null : System.Text.Json.JsonValueKind.String, reading.ValueKind);
            Assert.True(anyWord.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
        }
    }

    [Fact]
    public async Task SearchForm_LinksToTheSearchTips()
    {
        var page = await Client.GetPageAsync("/releases");
        Assert.NotNull(page.QuerySelector("form.list-search a[href='/help/search']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/help/search']"));
        Assert.IsAssignableFrom<IElement>(page.QuerySelector("form.list-search label[for='q']"));
    }
}
