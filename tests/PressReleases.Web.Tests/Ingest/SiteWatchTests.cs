using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Ingest;

/// <summary>
/// The site with <c>PressReleases:Ingest:Watch=true</c> over a real folder, store and index: what lands in the source
/// folder while it runs becomes a page and a search hit, and what leaves it answers 410, without a restart.
/// </summary>
public sealed class SiteWatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly ReleaseSpec AtStart = ReleaseSpec.Make(
        "site-watch-at-start", "Released before the site started", "2024-03-01", ["Jane Example"], ["Health"], "Ambulances get new radios.");

    private static readonly ReleaseSpec WhileRunning = ReleaseSpec.Make(
        "site-watch-while-running", "Released while the site runs", "2024-03-02", ["Sam Sample"], ["Conservation"], "Kakapo numbers reach a record.");

    [Fact]
    public async Task FilesAddedAndRemovedWhileTheSiteRuns_AreServedWithoutARestart()
    {
        using var temp = new TempDirectory("site-watch");
        var source = temp.Sub("source");
        ReleaseFileWriter.Write(source, AtStart);

        // IngestOnStartup off: watching alone must bring in what the folder holds at start.
        await using var site = new PressReleasesFactory(source, Path.Combine(temp.Path, "data"), ingestOnStartup: false);
        site.Settings["PressReleases:Ingest:Watch"] = "true";
        site.Settings["PressReleases:Ingest:DebounceMilliseconds"] = "200";
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, 1, Deadline);

        ReleaseFileWriter.Write(Path.Combine(source, "2024", "03"), WhileRunning);
        await site.WaitForReleasesAsync(client, 2, Deadline);
        var page = await client.GetPageAsync($"/releases/{WhileRunning.Slug}");
        Assert.Equal(WhileRunning.Title, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal([WhileRunning.Slug], (await client.GetAllReleasesAsync("q=kakapo")).Select(r => r.Slug));

        File.Delete(Path.Combine(source, AtStart.FileName));
        await site.WaitForReleasesAsync(client, 1, Deadline);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetHtmlAsync($"/releases/{AtStart.Slug}")).Status);
        Assert.DoesNotContain(site.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
    }
}
