using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.Feeds;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>/api/releases.csv and /api/releases.ndjson over <see cref="FeedsAndExportsFixture"/>, checked against /api/releases.</summary>
public sealed class ExportsApiTests(FeedsAndExportsFixture site) : IClassFixture<FeedsAndExportsFixture>
{
    private HttpClient Client => site.Client;

    private string Base => Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    [Theory]
    [InlineData("")]
    [InlineData("minister=" + FeedsAndExportsFixture.OtherSlug)]
    [InlineData("q=housing")]
    [InlineData("q=housing&sort=oldest")]
    [InlineData("q=housing&sort=newest")]
    [InlineData("portfolio=trade&sort=oldest")]
    [InlineData("q=geothermal&from=2020-02-01&to=2020-04-30")]
    public async Task Csv_HoldsEveryReleaseTheSearchFinds_InItsOrder(string query)
    {
        var expected = await Client.GetAllReleasesAsync(query);
        var total = (await Client.GetReleaseListAsync(query)).Total;
        var export = await Client.GetExportAsync("/api/releases.csv" + (query.Length > 0 ? "?" + query : ""));

        Assert.Equal("text/csv", export.MediaType);
        var rows = Export.CsvRows(export);
        Assert.Equal(total, rows.Count);
        Assert.Equal(expected.Select(i => i.Slug), rows.Select(r => r[0]));
        foreach (var (row, item) in rows.Zip(expected))
        {
            Assert.Equal(item.Date ?? "", row[2]);
            Assert.Equal(item.Url, row[3]);
            Assert.Equal($"{Base}/releases/{item.Slug}", row[4]);
            Assert.Equal(string.Join("; ", item.Ministers.Select(m => m.Name)), row[5]);
            Assert.Equal(string.Join("; ", item.Portfolios.Select(p => p.Name)), row[6]);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("minister=" + FeedsAndExportsFixture.BusySlug + "&sort=oldest")]
    [InlineData("q=trade")]
    public async Task Ndjson_HasOneParsableObjectPerRelease(string query)
    {
        var expected = await Client.GetAllReleasesAsync(query);
        var export = await Client.GetExportAsync("/api/releases.ndjson" + (query.Length > 0 ? "?" + query : ""));

        Assert.Equal("application/x-ndjson", export.MediaType);
        var lines = Export.NdjsonLines(export);
        Assert.Equal(expected.Count, lines.Count);
        foreach (var (line, item) in lines.Zip(expected))
        {
            var root = JsonDocument.Parse(line).RootElement;
            Assert.Equal(["slug", "title", "date", "url", "permalink", "ministers", "portfolios", "withdrawn"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(item.Slug, root.GetProperty("slug").GetString());
            Assert.Equal(item.Title, root.GetProperty("title").GetString());
            Assert.Equal(item.Date, root.GetProperty("date").GetString());
            Assert.Equal(item.Url, root.GetProperty("url").GetString());
            Assert.Equal($"{Base}/releases/{item.Slug}", root.GetProperty("permalink").GetString());
            Assert.Equal(item.Ministers, root.GetProperty("ministers").Deserialize<List<ApiName>>(Http.Json));
            Assert.Equal(item.Portfolios, root.GetProperty("portfolios").Deserialize<List<ApiName>>(Http.Json));
        }
    }

    [Fact]
    public async Task TitlesThatSpreadsheetsWouldRun_AreWrittenAsText_AndQuotesSurvive()
    {
        var rows = Export.CsvRows(await Client.GetExportAsync("/api/releases.csv?portfolio=trade"));
        var bySlug = rows.ToDictionary(r => r[0]);

        Assert.Equal("'" + FeedsAndExportsFixture.FormulaTitle, bySlug[FeedsAndExportsFixture.Formula.Slug][1]);
        Assert.Equal(FeedsAndExportsFixture.QuotedTitle, bySlug[FeedsAndExportsFixture.Quoted.Slug][1]);
        Assert.Equal("", bySlug[FeedsAndExportsFixture.Undated.Slug][2]);
        Assert.All(rows.SelectMany(r => r), field => Assert.DoesNotMatch("^[=+\\-@\t\r]", field));

        // NDJSON is data, not a spreadsheet: the title is left as it is.
        var ndjson = Export.NdjsonLines(await Client.GetExportAsync("/api/releases.ndjson?portfolio=trade"));
        Assert.Contains(ndjson, line => JsonDocument.Parse(line).RootElement.GetProperty("title").GetString() == FeedsAndExportsFixture.FormulaTitle);
    }

    [Fact]
    public async Task Exports_AreDatedUtf8Downloads()
    {
        var csv = await Client.GetExportAsync("/api/releases.csv");
        var ndjson = await Client.GetExportAsync("/api/releases.ndjson");

        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        Assert.Equal((byte)'{', ndjson.Bytes[0]);
        Assert.Equal("attachment", csv.Disposition?.DispositionType);
        Assert.Matches("^\"?pressreleases-\\d{8}\\.csv\"?$", csv.Disposition?.FileName);
        Assert.Matches("^\"?pressreleases-\\d{8}\\.ndjson\"?$", ndjson.Disposition?.FileName);
        var day = DateTime.UtcNow;
        Assert.Contains(csv.Disposition!.FileName!.Trim('"')[14..22], new[] { day.AddDays(-1), day }.Select(d => d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task PagingParameters_AreIgnored_ButBadSearchParametersAnswer400()
    {
        var all = Export.CsvRows(await Client.GetExportAsync("/api/releases.csv?page=3&pageSize=5&facetLimit=zero"));
        Assert.Equal(FeedsAndExportsFixture.All.Count, all.Count);

        foreach (var url in new[] { "/api/releases.csv?sort=sideways", "/api/releases.ndjson?to=2020-13-01", "/api/releases.csv?minister=Hon%20Busy" })
        {
            var response = await Client.GetJsonAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("application/problem+json", response.MediaType);
        }
    }

    [Theory]
    [InlineData("/releases?q=housing&sort=oldest&page=2", "q=housing&sort=oldest")]
    [InlineData("/ministers/" + FeedsAndExportsFixture.OtherSlug, "minister=" + FeedsAndExportsFixture.OtherSlug)]
    public async Task Listings_LinkToExportsOfTheirState(string listing, string state)
    {
        var page = await Client.GetPageAsync(listing);
        var csv = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "CSV").GetAttribute("href");
        var ndjson = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "NDJSON").GetAttribute("href");

        Assert.Equal("/api/releases.csv?" + state, csv);
        Assert.Equal("/api/releases.ndjson?" + state, ndjson);
        Assert.Equal((await Client.GetReleaseListAsync(state)).Total, Export.CsvRows(await Client.GetExportAsync(csv!)).Count);
    }
}
