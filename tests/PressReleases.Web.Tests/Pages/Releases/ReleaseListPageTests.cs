using System.Net;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>/ and /releases over the seed releases: listing, search, facets, filters, order, paging, bad input.</summary>
public sealed partial class ReleaseListPageTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private const int PageSize = 20;

    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/releases")]
    public async Task ListsEveryRelease_NewestFirst_WithTheCountAndASearchForm(string path)
    {
        var page = ListingPage.Parse(await Client.GetPageAsync(path));

        Assert.Equal(SeedCorpus.ExpectedReleases, page.Count);
        Assert.Equal(Math.Min(PageSize, SeedCorpus.ExpectedReleases), page.Results.Count);
        Dates.AssertOrdered(page.Results.Select(r => r.IsoDate).ToList(), newestFirst: true, path);
        var newest = SeedCorpus.Accepted.Max(f => f.KnownDate)!.Value;
        Assert.Equal(Dates.Iso(newest), page.Results[0].IsoDate);

        var form = page.Document.QuerySelector("form.list-search");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"), StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(form.QuerySelector("input[name='q']"));
    }

    [Fact]
    public async Task SearchingJapan_ListsOnlyTheReleasesThatMentionIt_WithMarkedMatches()
    {
        var expectedUrls = SeedCorpus.Accepted
            .Where(f => JapanWord().IsMatch(f.Title) || JapanWord().IsMatch(LinkTargets().Replace(f.Body, "]")))
            .Select(f => f.Url)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expectedUrls);

        var api = await Client.GetAllReleasesAsync("q=japan");
        Assert.Equal(expectedUrls, api.Select(i => i.Url).Order(StringComparer.Ordinal).ToList());

        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?q=japan"));
        Assert.Equal(expectedUrls.Count, page.Count);
        Assert.Equal(api.Take(PageSize).Select(i => i.Slug), page.Slugs);
        foreach (var result in page.Results)
        {
            var marks = result.TitleElement.QuerySelectorAll("mark")
                .Concat(result.Snippet?.QuerySelectorAll("mark") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
                .Select(m => m.TextContent)
                .ToList();
            Assert.True(
                marks.Any(m => m.Contains("japan", StringComparison.OrdinalIgnoreCase)),
                $"Result '{result.Title}' has no <mark> around 'japan' in its title or snippet (marks: [{string.Join(", ", marks)}]).");

            // Result links carry the search so the release page can link back to it.
            Assert.Equal("japan", ListingPage.QueryValues(result.Href, "q").ToString());
        }

        Assert.Equal("japan", page.Document.QuerySelector("form.list-search input[name='q']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=government")]
    [InlineData("q=minister&from=2005-01-01")]
    public async Task FacetCountsOnThePage_EqualTheApiFacets(string query)
    {
        var page = ListingPage.Parse(await Client.GetPageAsync("/releases" + (query.Length > 0 ? "?" + query : "")));
        var api = await Client.GetReleaseListAsync(query);

        Assert.Equal(api.Total, page.Count);
        Assert.NotEmpty(api.Facets.Ministers);
        Assert.Equal(api.Facets.Ministers.Select(v => (v.Name, (int?)v.Count)), page.MinisterFacet.Select(e => (e.Name, e.Count)));
        Assert.Equal(api.Facets.Ministers.Select(v => v.Slug), page.MinisterFacet.Select(e => ListingPage.QueryValues(e.Href, "minister").ToString()));
        Assert.Equal(api.Facets.Portfolios.Select(v => (v.Name, (int?)v.Count)), page.PortfolioFacet.Select(e => (e.Name, e.Count)));
        Assert.Equal(api.Facets.Portfolios.Select(v => v.Slug), page.PortfolioFacet.Select(e => ListingPage.QueryValues(e.Href, "portfolio").ToString()));
        Assert.Equal(
            api.Facets.Years.Select(y => (y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)y.Count)).OrderBy(y => y.Item1),
            page.YearFacet.Select(e => (e.Name, e.Count)).OrderBy(y => y.Item1));
    }

    [Fact]
    public async Task FollowingAMinisterFacetLink_ListsOnlyThatMinistersReleases()
    {
        var start = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        var entry = start.MinisterFacet[0];
        var slug = ListingPage.QueryValues(entry.Href, "minister").ToString();
        Assert.False(string.IsNullOrEmpty(slug), $"The facet link '{entry.Href}' does not add a minister.");
        Assert.Equal("/releases", ListingPage.PathOf(entry.Href));

        var filtered = ListingPage.Parse(await Client.GetPageAsync(entry.Href));

        // The count the facet promised, which is also how many seed files name that person.
        var filesNamingThem = SeedCorpus.Accepted.Count(f => f.MinisterPeople.Contains(entry.Name, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(entry.Count, filtered.Count);
        Assert.Equal(filesNamingThem, filtered.Count);
        Assert.NotEmpty(filtered.Results);
        Assert.All(filtered.Results, r => Assert.Contains(r.Ministers, m => m.Slug == slug));
        Assert.Contains(filtered.MinisterFacet, e => e.Selected && e.Name == entry.Name);
        Assert.Contains(filtered.Document.QuerySelectorAll(".active-filters a"), a => a.TextContent.Contains(entry.Name, StringComparison.Ordinal));

        var all = await Client.GetAllReleasesAsync($"minister={slug}");
        Assert.All(all, i => Assert.Contains(i.Ministers, m => m.Slug == slug));
    }

    [Fact]
    public async Task SecondMinister_WidensTheList_ToReleasesNamingEither()
    {
        var start = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        var first = ListingPage.QueryValues(start.MinisterFacet[0].Href, "minister").ToString();
        var withFirst = ListingPage.Parse(await Client.GetPageAsync(start.MinisterFacet[0].Href));

        // Drill-sideways: with one minister selected the others still show what they would add.
        var secondEntry = withFirst.MinisterFacet.First(e => !e.Selected);
        var ministers = ListingPage.QueryValues(secondEntry.Href, "minister");
        Assert.Equal(2, ministers.Count);
        Assert.Equal(first, ministers[0]);
        var second = ministers[1]!;

        var firstSlugs = (await Client.GetAllReleasesAsync($"minister={first}")).Select(i => i.Slug).ToHashSet();
        var secondSlugs = (await Client.GetAllReleasesAsync($"minister={second}")).Select(i => i.Slug).ToHashSet();
        Assert.Equal(secondSlugs.Count, secondEntry.Count);

        var both = ListingPage.Parse(await Client.GetPageAsync(secondEntry.Href));
        Assert.Equal(firstSlugs.Union(secondSlugs).Count(), both.Count);
        Assert.True(both.Count > firstSlugs.Count, "Adding a second minister should add that minister's releases.");
        Assert.All(both.Results, r => Assert.Contains(r.Ministers, m => m.Slug == first || m.Slug == second));

        var bothApi = await Client.GetAllReleasesAsync($"minister={first}&minister={second}");
        Assert.Equal(firstSlugs.Union(secondSlugs).Order(), bothApi.Select(i => i.Slug).Order());
    }

    [Fact]
    public async Task MinisterAndAPortfolio_NarrowTheList_ToReleasesWithBoth()
    {
        var start = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        var ministerHref = start.MinisterFacet[0].Href;
        var minister = ListingPage.QueryValues(ministerHref, "minister").ToString();
        var withMinister = ListingPage.Parse(await Client.GetPageAsync(ministerHref));

        // The minister's most common portfolio: the portfolio facet counts within the minister's releases.
        var portfolioEntry = withMinister.PortfolioFacet[0];
        var portfolio = ListingPage.QueryValues(portfolioEntry.Href, "portfolio").ToString();
        Assert.Equal(minister, ListingPage.QueryValues(portfolioEntry.Href, "minister").ToString());

        var ministerSlugs = (await Client.GetAllReleasesAsync($"minister={minister}")).Select(i => i.Slug).ToHashSet();
        var portfolioSlugs = (await Client.GetAllReleasesAsync($"portfolio={portfolio}")).Select(i => i.Slug).ToHashSet();
        var expected = ministerSlugs.Intersect(portfolioSlugs).Count();
        Assert.True(expected > 0, "The chosen minister and portfolio share no release; the test needs one.");
        Assert.True(portfolioSlugs.Count > expected || ministerSlugs.Count > expected, "Minister and portfolio select the same releases; the test cannot tell AND from OR.");

        var both = ListingPage.Parse(await Client.GetPageAsync(portfolioEntry.Href));
        Assert.Equal(expected, both.Count);
        Assert.Equal(portfolioEntry.Count, both.Count);
        Assert.All(both.Results, r =>
        {
            Assert.Contains(r.Ministers, m => m.Slug == minister);
            Assert.Contains(r.Portfolios, p => p.Slug == portfolio);
        });
    }

    [Fact]
    public async Task YearFacetLink_SelectsThatYear_AndItsRemoveLinkClearsIt()
    {
        var start = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        var entry = start.YearFacet.OrderByDescending(e => e.Count).First();
        var year = int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{year}-01-01", ListingPage.QueryValues(entry.Href, "from").ToString());
        Assert.Equal($"{year}-12-31", ListingPage.QueryValues(entry.Href, "to").ToString());

        var selected = ListingPage.Parse(await Client.GetPageAsync(entry.Href));
        Assert.Equal(SeedCorpus.Accepted.Count(f => f.KnownDate?.Year == year), selected.Count);
        Assert.Equal(entry.Count, selected.Count);
        Assert.All(selected.Results, r => Assert.StartsWith($"{year}-", r.IsoDate, StringComparison.Ordinal));
        Assert.Contains(selected.YearFacet, e => e.Selected && e.Name == entry.Name);

        var remove = selected.Document.QuerySelectorAll(".active-filters li a").Single(a => a.TextContent.Contains($"Year: {year}", StringComparison.Ordinal));
        var cleared = ListingPage.Parse(await Client.GetPageAsync(remove.GetAttribute("href")!));
        Assert.Equal(SeedCorpus.ExpectedReleases, cleared.Count);
    }

    [Fact]
    public async Task RemovingOneFilter_KeepsTheOthers()
    {
        var facets = await Client.GetReleaseListAsync();
        var minister = facets.Facets.Ministers[0].Slug;
        var portfolio = facets.Facets.Portfolios[0].Slug;
        var page = ListingPage.Parse(await Client.GetPageAsync($"/releases?q=government&minister={minister}&portfolio={portfolio}&sort=oldest"));
        var links = page.Document.QuerySelectorAll(".active-filters li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);

        var withoutMinister = links.Single(l => ListingPage.QueryValues(l, "minister").Count == 0);
        Assert.Equal(portfolio, ListingPage.QueryValues(withoutMinister, "portfolio").ToString());
        Assert.Equal("government", ListingPage.QueryValues(withoutMinister, "q").ToString());
        Assert.Equal("oldest", ListingPage.QueryValues(withoutMinister, "sort").ToString());
        var expected = await Client.GetReleaseListAsync($"q=government&portfolio={portfolio}");
        Assert.Equal(expected.Total, ListingPage.Parse(await Client.GetPageAsync(withoutMinister)).Count);
    }

    [Fact]
    public async Task Pages_KeepTheirOwnPageSize_AndIgnoreTheApiOnlyParameters()
    {
        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?pageSize=5&facetLimit=1"));
        Assert.Equal(PageSize, page.Results.Count);
        Assert.Null(page.Document.QuerySelector(".notice--warning"));
        Assert.True(page.MinisterFacet.Count > 1);

        var junk = ListingPage.Parse(await Client.GetPageAsync("/releases?pageSize=lots"));
        Assert.Null(junk.Document.QuerySelector(".notice--warning"));
    }

    [Fact]
    public async Task HomePage_SaysHowManyReleasesThereAre()
    {
        var document = await Client.GetPageAsync("/");
        Assert.Contains($"Search {SeedCorpus.ExpectedReleases} releases", document.QuerySelector(".lede")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAndTo_KeepOnlyReleasesDatedWithinTheRange()
    {
        var dated = SeedCorpus.Accepted.Where(f => f.KnownDate is not null).Select(f => f.KnownDate!.Value).Order().ToList();
        var from = dated[dated.Count / 4];
        var to = dated[dated.Count / 2];
        var expected = dated.Count(d => d >= from && d <= to);

        var page = ListingPage.Parse(await Client.GetPageAsync($"/releases?from={Dates.Iso(from)}&to={Dates.Iso(to)}"));
        Assert.Equal(expected, page.Count);
        Assert.All(page.Results, r =>
        {
            Assert.NotNull(r.IsoDate);
            Assert.InRange(Dates.Parse(r.IsoDate), from, to);
        });
        Assert.Equal(Dates.Iso(from), page.Document.QuerySelector("input[name='from']")?.GetAttribute("value"));
        Assert.Equal(Dates.Iso(to), page.Document.QuerySelector("input[name='to']")?.GetAttribute("value"));

        var api = await Client.GetAllReleasesAsync($"from={Dates.Iso(from)}&to={Dates.Iso(to)}");
        Assert.Equal(expected, api.Count);
        Assert.All(api, i => Assert.InRange(Dates.Parse(i.Date!), from, to));
    }

    [Theory]
    [InlineData("newest", true)]
    [InlineData("oldest", false)]
    public async Task Sort_OrdersByDate_WithUnknownDatesLast(string sort, bool newestFirst)
    {
        var known = SeedCorpus.Accepted.Where(f => f.KnownDate is not null).Select(f => f.KnownDate!.Value).ToList();
        var unknown = SeedCorpus.Accepted.Count(f => f.KnownDate is null);

        var all = await Client.GetAllReleasesAsync($"sort={sort}");
        var dates = all.Select(i => i.Date).ToList();
        Dates.AssertOrdered(dates, newestFirst, $"sort={sort}");
        Assert.Equal(unknown, dates.Count(d => d is null));
        Assert.Equal(Dates.Iso(newestFirst ? known.Max() : known.Min()), dates[0]);

        var page = ListingPage.Parse(await Client.GetPageAsync($"/releases?sort={sort}"));
        Assert.Equal(all.Take(PageSize).Select(i => i.Slug), page.Slugs);
        Dates.AssertOrdered(page.Results.Select(r => r.IsoDate).ToList(), newestFirst, $"/releases?sort={sort}");

        // Without search words "newest" is the default order, offered as the empty value.
        Assert.Equal(newestFirst ? "" : "oldest", page.Document.QuerySelector("select[name='sort'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task PaginationLinks_KeepTheSearchFiltersAndOrder()
    {
        var dated = SeedCorpus.Accepted.Where(f => f.KnownDate is not null).Select(f => f.KnownDate!.Value).ToList();
        var (from, to) = (Dates.Iso(dated.Min()), Dates.Iso(dated.Max()));
        var facets = await Client.GetReleaseListAsync($"q=government&from={from}&to={to}");
        var portfolios = facets.Facets.Portfolios.Take(2).Select(p => p.Slug).ToList();
        var query = $"q=government&portfolio={portfolios[0]}&portfolio={portfolios[1]}&from={from}&to={to}&sort=oldest";
        var api = await Client.GetReleaseListAsync(query);
        Assert.True(api.Total > PageSize, $"'{query}' gives {api.Total} releases; the test needs more than one page.");

        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?" + query));
        Assert.Equal(api.Total, page.Count);
        Assert.NotEmpty(page.PaginationLinks);
        Assert.NotNull(page.NextHref);
        foreach (var link in page.PaginationLinks)
        {
            var href = link.GetAttribute("href")!;
            Assert.Equal("/releases", ListingPage.PathOf(href));
            Assert.Equal("government", ListingPage.QueryValues(href, "q").ToString());
            Assert.Equal(portfolios, ListingPage.QueryValues(href, "portfolio").ToArray());
            Assert.Equal(from, ListingPage.QueryValues(href, "from").ToString());
            Assert.Equal(to, ListingPage.QueryValues(href, "to").ToString());
            Assert.Equal("oldest", ListingPage.QueryValues(href, "sort").ToString());
        }

        var next = ListingPage.Parse(await Client.GetPageAsync(page.NextHref));
        Assert.Equal(2, next.CurrentPage);
        Assert.Equal(api.Total, next.Count);
        var apiPage2 = await Client.GetReleaseListAsync(query + "&page=2");
        Assert.Equal(apiPage2.Items.Select(i => i.Slug), next.Slugs);
    }

    [Fact]
    public async Task PageTwo_ContinuesWherePageOneEnds()
    {
        var first = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        Assert.Equal(1, first.CurrentPage);
        Assert.NotNull(first.NextHref);
        Assert.Equal("2", ListingPage.QueryValues(first.NextHref, "page").ToString());

        var second = ListingPage.Parse(await Client.GetPageAsync(first.NextHref));
        Assert.Equal(2, second.CurrentPage);
        Assert.Equal(PageSize, second.Results.Count);
        Assert.Empty(first.Slugs.Intersect(second.Slugs));
        Assert.True(Dates.Parse(first.Results[^1].IsoDate!) >= Dates.Parse(second.Results[0].IsoDate!));
        Assert.Equal((PageSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), second.Document.QuerySelector("ol.results")?.GetAttribute("start"));

        var api = await Client.GetReleaseListAsync($"pageSize={2 * PageSize}");
        Assert.Equal(api.Items.Select(i => i.Slug), first.Slugs.Concat(second.Slugs));
    }

    [Theory]
    [InlineData("from=2020-13-45")]
    [InlineData("to=yesterday")]
    [InlineData("from=2020-01-01&to=2019-01-01")]
    [InlineData("sort=sideways")]
    [InlineData("page=99999")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=2147483648")]
    [InlineData("minister=Not%20A%20Slug")]
    [InlineData("minister=nobody-at-all")]
    [InlineData("minister=nobody-at-all&portfolio=nothing-at-all&from=1990-01-01&q=japan")]
    [InlineData("portfolio=..%2F..%2Fetc")]
    [InlineData("q=title:")]
    [InlineData("q=%22unbalanced")]
    [InlineData("q=(")]
    [InlineData("q=)")]
    [InlineData("q=-")]
    [InlineData("q=*")]
    [InlineData("q=minister:")]
    [InlineData("q=OR")]
    [InlineData("q=%5C%7E%5E%3F")]
    [InlineData("q=title:%22")]
    public async Task BadInput_NeverGivesAServerError(string query)
    {
        var page = await Client.GetHtmlAsync("/releases?" + query);
        Assert.True(page.Status == HttpStatusCode.OK, $"/releases?{query} answered {(int)page.Status}. Server log:\n{site.Factory.Logs}");
        Assert.NotNull(ListingPage.Parse(page.Document).Count);

        var api = await Client.GetJsonAsync("/api/releases?" + query);
        Assert.True(
            api.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"/api/releases?{query} answered {(int)api.Status}: {api.Body}\nServer log:\n{site.Factory.Logs}");
        if (api.Status == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", api.MediaType);
            Assert.Equal(400, api.Root.GetProperty("status").GetInt32());
            Assert.True(api.Root.GetProperty("errors").EnumerateObject().Any(), api.Body);
        }
    }

    [Theory]
    [InlineData("from", "2020-13-45")]
    [InlineData("sort", "sideways")]
    public async Task UnusableParameter_IsLeftOut_WithANoticeOnThePage_AndA400FromTheApi(string name, string value)
    {
        var page = ListingPage.Parse(await Client.GetPageAsync($"/releases?{name}={value}"));
        var notice = page.Document.QuerySelector(".notice--warning");
        Assert.NotNull(notice);
        Assert.Contains(value, notice.TextContent, StringComparison.Ordinal);
        Assert.Equal(SeedCorpus.ExpectedReleases, page.Count);

        var api = await Client.GetJsonAsync($"/api/releases?{name}={value}");
        Assert.Equal(HttpStatusCode.BadRequest, api.Status);
        Assert.True(api.Root.GetProperty("errors").TryGetProperty(name, out _), api.Body);
    }

    [Fact]
    public async Task PagePastTheEnd_ShowsTheLastPage()
    {
        var lastPage = (SeedCorpus.ExpectedReleases + PageSize - 1) / PageSize;
        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?page=99999"));
        Assert.Equal(lastPage, page.CurrentPage);
        Assert.Equal(SeedCorpus.ExpectedReleases - ((lastPage - 1) * PageSize), page.Results.Count);

        var api = await Client.GetReleaseListAsync("page=99999");
        Assert.Equal(lastPage, api.Page);
        Assert.Equal(page.Slugs, api.Items.Select(i => i.Slug));
    }

    [Fact]
    public async Task NegativePage_ShowsTheFirstPage()
    {
        var first = ListingPage.Parse(await Client.GetPageAsync("/releases"));
        var page = ListingPage.Parse(await Client.GetPageAsync("/releases?page=-1"));
        Assert.Equal(1, page.CurrentPage);
        Assert.Equal(first.Slugs, page.Slugs);
        Assert.Equal(1, (await Client.GetReleaseListAsync("page=-1")).Page);
    }

    [GeneratedRegex(@"\bjapan\b", RegexOptions.IgnoreCase)]
    private static partial Regex JapanWord();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTargets();
}
