using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.Api;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

public sealed class RemovalFixture() : WrittenFilesFixture("removal")
{
    public static readonly ReleaseSpec Kept = ReleaseSpec.Make(
        "kakapo-season-begins", "Kākāpō breeding season begins", "2019-03-04",
        ["Hon Aroha Testperson"], ["Conservation"], "The kākāpō breeding season has begun on Whenua Hou.");

    public static readonly ReleaseSpec Withdrawn = ReleaseSpec.Make(
        "quokkaberry-trial-announced", "Quokkaberry trial announced", "2019-03-05",
        ["Aroha Testperson"], ["Conservation"], "A trial of the quokkaberry will start in spring, the minister said.");

    public static readonly ReleaseSpec Other = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06",
        ["Ben Otherperson"], ["Transport"], "Repairs to the harbour bridge start on Monday.");

    protected override IReadOnlyList<ReleaseSpec> Releases => [Kept, Withdrawn, Other];
}

/// <summary>A release whose file leaves the source folder: 410 on its permalink, gone from listings; back when the file returns.</summary>
public sealed class RemovedReleaseTests(RemovalFixture site) : IClassFixture<RemovalFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task RemovedFile_WithdrawsItsRelease_AndARestoredFileBringsItBack()
    {
        var slug = RemovalFixture.Withdrawn.Slug;
        Assert.Equal(HttpStatusCode.OK, (await Client.GetHtmlAsync($"/releases/{slug}")).Status);
        Assert.Equal(1, (await Client.GetReleaseListAsync("q=quokkaberry")).Total);
        Assert.Equal(2, (await Client.GetReleaseListAsync("minister=aroha-testperson")).Total);

        var path = Path.Combine(site.SourceFolder, RemovalFixture.Withdrawn.FileName);
        File.Delete(path);
        var ingester = site.Factory.Services.GetRequiredService<Ingester>();
        var report = await ingester.IngestAsync(site.SourceFolder);
        Assert.Equal(1, report.Removed);
        Assert.Equal(2, report.Unchanged);

        // The permalink stays, answering 410 with a page that says what happened and links to the original.
        var page = await Client.GetHtmlAsync($"/releases/{slug}");
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal(RemovalFixture.Withdrawn.Title, page.Document.QuerySelector("article.release h1")?.TextContent.Trim());
        Assert.Contains("withdrawn", page.Document.QuerySelector(".notice--warning")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(page.Document.QuerySelectorAll("article.release a"), a => a.GetAttribute("href") == RemovalFixture.Withdrawn.Url);
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name='robots']")?.GetAttribute("content"));

        // Its last version stays readable under the notice, with the date it left the source.
        var notice = page.Document.QuerySelector(".notice--warning")!.TextContent;
        Assert.Contains("It left the source on ", notice);
        Assert.Contains(RemovalFixture.Withdrawn.Body, page.Document.QuerySelector(".release__body")?.TextContent);
        Assert.Equal("/releases/withdrawn", page.Document.QuerySelector(".notice--warning a[href='/releases/withdrawn']")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector(".release__cite"));

        var api = await Client.GetJsonAsync($"/api/releases/{slug}");
        Assert.Equal(HttpStatusCode.Gone, api.Status);
        Assert.Equal("application/problem+json", api.MediaType);
        Assert.Equal(410, api.Root.GetProperty("status").GetInt32());
        Assert.Equal(RemovalFixture.Withdrawn.Url, api.Root.GetProperty("url").GetString());
        var lastVersion = api.Root.GetProperty("release");
        Assert.Equal(RemovalFixture.Withdrawn.Title, lastVersion.GetProperty("title").GetString());
        Assert.Contains(RemovalFixture.Withdrawn.Body, lastVersion.GetProperty("html").GetString());

        // Listed only when asked for: status=withdrawn or all, on the API, the exports and the pages, and /releases/withdrawn.
        var withdrawn = await Client.GetAllReleasesAsync("status=withdrawn");
        Assert.Equal([slug], withdrawn.Select(r => r.Slug));
        Assert.True(withdrawn.Single().Withdrawn);
        var everything = await Client.GetAllReleasesAsync("status=all");
        Assert.Equal(3, everything.Count);
        Assert.Equal([slug], everything.Where(r => r.Withdrawn).Select(r => r.Slug));
        Assert.Equal(1, (await Client.GetReleaseListAsync("q=quokkaberry&status=withdrawn")).Total);
        var csv = Export.CsvRows(await Client.GetExportAsync("/api/releases.csv?status=all"));
        Assert.Equal(3, csv.Count);
        Assert.Equal([slug], csv.Where(row => row[7] == "true").Select(row => row[0]));
        Assert.All(csv.Where(row => row[0] != slug), row => Assert.Equal("false", row[7]));
        var ndjson = Export.NdjsonLines(await Client.GetExportAsync("/api/releases.ndjson?status=withdrawn"));
        Assert.True(JsonDocument.Parse(Assert.Single(ndjson)).RootElement.GetProperty("withdrawn").GetBoolean());
        var badStatus = await Client.GetJsonAsync("/api/releases?status=gone");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
        Assert.Contains("status", badStatus.Body);

        // Trends count it only when asked, as the listings do.
        Assert.Equal(2, (await Client.GetJsonAsync("/api/trends?minister=aroha-testperson&status=all")).Root.GetProperty("total").GetInt32());
        Assert.Equal(1, (await Client.GetJsonAsync("/api/trends?minister=aroha-testperson")).Root.GetProperty("total").GetInt32());

        var withdrawnPage = ListingPage.Parse(await Client.GetPageAsync("/releases/withdrawn"));
        Assert.Equal([slug], withdrawnPage.Results.Select(r => r.Slug));
        Assert.Equal("Withdrawn releases", withdrawnPage.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Withdrawn", withdrawnPage.Document.QuerySelector(".result__status")?.TextContent);
        Assert.Equal(1, ListingPage.Parse(await Client.GetPageAsync("/releases/withdrawn?q=quokkaberry")).Count);
        Assert.Equal(0, ListingPage.Parse(await Client.GetPageAsync("/releases/withdrawn?q=harbour")).Count);
        var allPage = ListingPage.Parse(await Client.GetPageAsync("/releases?status=all"));
        Assert.Equal(3, allPage.Count);
        Assert.Single(allPage.Document.QuerySelectorAll(".result__status"));
        Assert.Contains(allPage.Document.QuerySelectorAll(".active-filters a"), a => a.TextContent.Contains("Including withdrawn releases") && a.GetAttribute("href") == "/releases");
        Assert.Contains(allPage.Document.QuerySelectorAll("input[type=hidden]"), input => input.GetAttribute("name") == "status" && input.GetAttribute("value") == "all");

        // Gone from listings, search, counts and facets.
        var all = await Client.GetAllReleasesAsync();
        Assert.Equal(2, all.Count);
        Assert.DoesNotContain(all, r => r.Slug == slug);
        Assert.Equal(0, (await Client.GetReleaseListAsync("q=quokkaberry")).Total);
        Assert.Equal(2, ListingPage.Parse(await Client.GetPageAsync("/releases")).Count);
        var ministerFacet = (await Client.GetReleaseListAsync()).Facets.Ministers.Single(m => m.Slug == "aroha-testperson");
        Assert.Equal(1, ministerFacet.Count);
        Assert.Equal(1, ListingPage.Parse(await Client.GetPageAsync("/ministers/aroha-testperson")).Count);
        var ministersPage = await Client.GetPageAsync("/ministers");
        var row = ministersPage.QuerySelectorAll("table.names tbody tr").Single(r => r.QuerySelector("a")?.GetAttribute("href") == "/ministers/aroha-testperson");
        Assert.Equal("1", row.QuerySelector("td.num")?.TextContent.Trim());
        var health = await Client.GetJsonAsync("/healthz");
        Assert.Equal(2, health.Root.GetProperty("releases").GetProperty("stored").GetInt32());
        Assert.Equal(2, health.Root.GetProperty("releases").GetProperty("indexed").GetInt32());

        // The file comes back: the release is restored under the same slug.
        ReleaseFileWriter.Write(site.SourceFolder, RemovalFixture.Withdrawn);
        var restore = await ingester.IngestAsync(site.SourceFolder);
        Assert.Equal(0, restore.Added);
        Assert.Equal(0, restore.Removed);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetHtmlAsync($"/releases/{slug}")).Status);
        Assert.Equal(3, (await Client.GetReleaseListAsync()).Total);
        Assert.Equal(slug, (await Client.GetReleaseListAsync("q=quokkaberry")).Items.Single().Slug);
        Assert.Equal(0, (await Client.GetReleaseListAsync("status=withdrawn")).Total);
    }
}

/// <summary>The same, found by the startup ingest of a site restarted over the same data directory.</summary>
public sealed class RemovedReleaseAfterRestartTests
{
    [Fact]
    public async Task FileRemovedWhileTheSiteWasDown_IsWithdrawnAtTheNextStart()
    {
        using var temp = new TempDirectory("restart");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        ReleaseFileWriter.WriteAll(source, [RemovalFixture.Kept, RemovalFixture.Withdrawn]);

        await using (var first = new PressReleasesFactory(source, data))
        {
            using var client = first.CreateTestClient();
            await first.WaitForReleasesAsync(client, 2);
            Assert.Equal(HttpStatusCode.OK, (await client.GetHtmlAsync($"/releases/{RemovalFixture.Withdrawn.Slug}")).Status);
        }

        File.Delete(Path.Combine(source, RemovalFixture.Withdrawn.FileName));

        await using var second = new PressReleasesFactory(source, data);
        using var again = second.CreateTestClient();
        await second.WaitForReleasesAsync(again, 1);

        Assert.Equal(HttpStatusCode.Gone, (await again.GetHtmlAsync($"/releases/{RemovalFixture.Withdrawn.Slug}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await again.GetJsonAsync($"/api/releases/{RemovalFixture.Withdrawn.Slug}")).Status);
        var all = await again.GetAllReleasesAsync();
        Assert.Equal([RemovalFixture.Kept.Slug], all.Select(r => r.Slug));
        Assert.Equal(HttpStatusCode.OK, (await again.GetHtmlAsync($"/releases/{RemovalFixture.Kept.Slug}")).Status);
    }
}
