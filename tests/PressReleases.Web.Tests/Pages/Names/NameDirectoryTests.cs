using System.Globalization;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Names;

/// <summary>/ministers and /portfolios over the seed releases: every name, with counts the search agrees with.</summary>
public sealed class NameDirectoryTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("/ministers", "minister")]
    [InlineData("/portfolios", "portfolio")]
    public async Task ListsEveryName_WithTheCountTheSearchGives(string basePath, string parameter)
    {
        var document = await Client.GetPageAsync(basePath);
        var rows = NameTable.Parse(document, basePath);
        Assert.NotEmpty(rows);
        Assert.Contains(rows.Count.ToString(CultureInfo.InvariantCulture), document.QuerySelector(".result-count")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(rows.Count, rows.Select(r => r.Slug).Distinct().Count());

        foreach (var row in rows)
        {
            var list = await Client.GetReleaseListAsync($"{parameter}={row.Slug}&pageSize=1");
            Assert.True(row.Count == list.Total, $"{basePath} shows {row.Count} for {row.Name} but /api/releases?{parameter}={row.Slug} gives {list.Total}.");
        }

        // The same names as the search's facets, counted the same.
        var facets = await Client.GetReleaseListAsync("facetLimit=200&pageSize=1");
        var facet = parameter == "minister" ? facets.Facets.Ministers : facets.Facets.Portfolios;
        Assert.True(facet.Count < 200, "facetLimit=200 cut the list; the test needs every value.");
        Assert.Equal(facet.Select(v => (v.Slug, v.Name, v.Count)).OrderBy(v => v.Slug, StringComparer.Ordinal), rows.Select(r => (r.Slug, r.Name, r.Count)).OrderBy(v => v.Slug, StringComparer.Ordinal));
    }

    [Fact]
    public async Task MinisterCounts_EqualTheFilesNamingEachPerson()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/ministers"), "/ministers");
        Assert.All(rows, r => Assert.False(r.Name.StartsWith("Hon ", StringComparison.Ordinal) || r.Name.StartsWith("Rt Hon ", StringComparison.Ordinal), $"'{r.Name}' keeps its honorific"));

        foreach (var row in rows)
        {
            var files = SeedCorpus.Accepted.Count(f => f.MinisterPeople.Any(p => Same(p, row.Name)));
            Assert.True(files == row.Count, $"{files} seed files name {row.Name}, /ministers says {row.Count}.");
        }
    }

    [Fact]
    public async Task PortfolioCounts_EqualTheFilesNamingEachPortfolio()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/portfolios"), "/portfolios");
        foreach (var row in rows)
        {
            var files = SeedCorpus.Accepted.Count(f => f.Portfolios.Any(p => Same(p, row.Name)));
            Assert.True(files == row.Count, $"{files} seed files name portfolio {row.Name}, /portfolios says {row.Count}.");
        }
    }

    [Theory]
    [InlineData("/ministers")]
    [InlineData("/portfolios")]
    public async Task SortingByCount_PutsTheLargestFirst_AndFilteringNarrowsByName(string basePath)
    {
        var byName = NameTable.Parse(await Client.GetPageAsync(basePath), basePath);
        var byCount = NameTable.Parse(await Client.GetPageAsync(basePath + "?sort=count"), basePath);
        Assert.Equal(byName.Count, byCount.Count);
        Assert.Equal(byName.Select(r => r.Count).OrderDescending(), byCount.Select(r => r.Count));

        var word = byCount[0].Name.Split(' ')[^1];
        var filtered = NameTable.Parse(await Client.GetPageAsync($"{basePath}?filter={Uri.EscapeDataString(word)}"), basePath);
        Assert.Contains(filtered, r => r.Slug == byCount[0].Slug);
        Assert.All(filtered, r => Assert.Contains(Fold(word), Fold(r.Name), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(byName.Count(r => Fold(r.Name).Contains(Fold(word), StringComparison.OrdinalIgnoreCase)), filtered.Count);
    }

    [Fact]
    public async Task MinistersPage_PagesThroughTheirReleases_OnTheirOwnAddress()
    {
        var rows = NameTable.Parse(await Client.GetPageAsync("/ministers?sort=count"), "/ministers");
        var busiest = rows[0];
        Assert.True(busiest.Count > 20, $"The test needs a minister with more than one page of releases; the busiest has {busiest.Count}.");

        var first = ListingPage.Parse(await Client.GetPageAsync($"/ministers/{busiest.Slug}?sort=oldest"));
        Assert.Equal(busiest.Count, first.Count);
        Assert.All(first.PaginationLinks, a => Assert.Equal($"/ministers/{busiest.Slug}", ListingPage.PathOf(a.GetAttribute("href")!)));
        Assert.All(first.PaginationLinks, a => Assert.Equal("oldest", ListingPage.QueryValues(a.GetAttribute("href")!, "sort").ToString()));
        Assert.All(first.PaginationLinks, a => Assert.Equal(0, ListingPage.QueryValues(a.GetAttribute("href")!, "minister").Count));
        Assert.NotNull(first.NextHref);

        var second = ListingPage.Parse(await Client.GetPageAsync(first.NextHref));
        var all = await Client.GetAllReleasesAsync($"minister={busiest.Slug}&sort=oldest");
        Assert.Equal(all.Select(r => r.Slug), first.Slugs.Concat(second.Slugs));
        Dates.AssertOrdered(first.Results.Concat(second.Results).Select(r => r.IsoDate).ToList(), newestFirst: false, busiest.Slug);
    }

    private static bool Same(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>Case, macrons, typographic apostrophes and spacing aside.</summary>
    private static string Fold(string value)
    {
        var decomposed = value.Replace('’', '\'').Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Join(' ', new string(kept.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
