using System.Text.Json;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Api;

/// <summary>Whole-corpus exports over the seed releases: every release, once, in the listing's order.</summary>
public sealed class SeedsExportTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task UnfilteredCsvAndNdjson_HoldEverySeedRelease()
    {
        var expected = await Client.GetAllReleasesAsync();
        Assert.Equal(SeedCorpus.ExpectedReleases, expected.Count);

        var rows = Export.CsvRows(await Client.GetExportAsync("/api/releases.csv"));
        Assert.Equal(SeedCorpus.ExpectedReleases, rows.Count);
        Assert.Equal(expected.Select(i => i.Slug), rows.Select(r => r[0]));
        Assert.Equal(expected.Select(i => Guarded(i.Title)), rows.Select(r => r[1]));

        var lines = Export.NdjsonLines(await Client.GetExportAsync("/api/releases.ndjson"));
        Assert.Equal(SeedCorpus.ExpectedReleases, lines.Count);
        Assert.Equal(expected.Select(i => i.Slug), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("slug").GetString()));
    }

    /// <summary>What the CSV should hold for a title: a leading ' before a character spreadsheets treat as a formula.</summary>
    private static string Guarded(string title) => title.Length > 0 && "=+-@\t\r".Contains(title[0]) ? "'" + title : title;
}
