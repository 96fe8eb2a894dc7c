using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Startup;

/// <summary>What the site does at start: open the store, bring the index up to date, ingest the source folder.</summary>
public sealed class StartupServiceTests
{
    [Fact]
    public async Task MissingSourceFolder_LeavesAnEmptySite_ThatStillWorks()
    {
        using var temp = new TempDirectory("no-source");
        await using var site = new PressReleasesFactory(Path.Combine(temp.Path, "does-not-exist"), Path.Combine(temp.Path, "data"));
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, 0);

        var page = ListingPage.Parse(await client.GetPageAsync("/releases"));
        Assert.Equal(0, page.Count);
        Assert.Empty(page.Results);
        Assert.Equal(HttpStatusCode.OK, (await client.GetHtmlAsync("/ministers")).Status);
        Assert.Contains(site.Logs.Entries, e => e.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestartedSite_ServesItsStore_AndRebuildsALostIndexFromIt()
    {
        using var temp = new TempDirectory("restart-store");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        ReleaseFileWriter.WriteAll(source, NamesFixture.All);

        await using (var first = new PressReleasesFactory(source, data))
        {
            using var client = first.CreateTestClient();
            await first.WaitForReleasesAsync(client, NamesFixture.All.Count);
        }

        Assert.True(File.Exists(Path.Combine(data, "pressreleases.db")), "The store is not a SQLite file in the data directory.");
        Directory.Delete(Path.Combine(data, "index"), recursive: true);

        // No ingest this time, and no source folder: everything listed comes from the store.
        await using var second = new PressReleasesFactory(Path.Combine(temp.Path, "gone"), data, ingestOnStartup: false);
        using var again = second.CreateTestClient();
        await second.WaitForReleasesAsync(again, NamesFixture.All.Count);
        var all = await again.GetAllReleasesAsync();
        Assert.Equal(NamesFixture.All.Select(r => r.Slug).Order(), all.Select(r => r.Slug).Order());
        Assert.Equal(3, (await again.GetReleaseListAsync("q=geothermal")).Total);
    }

    [Fact]
    public async Task IngestingTheSameFolderAgain_AtTheNextStart_AddsNoDuplicates()
    {
        using var temp = new TempDirectory("restart-same");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        ReleaseFileWriter.WriteAll(source, NamesFixture.All);

        await using (var first = new PressReleasesFactory(source, data))
        {
            using var client = first.CreateTestClient();
            await first.WaitForReleasesAsync(client, NamesFixture.All.Count);
        }

        // One file edited meanwhile: updated in place under the same permalink.
        ReleaseFileWriter.Write(source, NamesFixture.SamFirst with { Title = "Fisheries report released (corrected)" });

        await using var second = new PressReleasesFactory(source, data);
        using var again = second.CreateTestClient();
        await second.WaitForReleasesAsync(again, NamesFixture.All.Count);

        // Another run over the folder waits for the startup ingest (one writer at a time) and then finds nothing to do.
        var report = await second.Services.GetRequiredService<Ingester>().IngestAsync(source);
        Assert.Equal(NamesFixture.All.Count, report.Unchanged);
        Assert.Equal(0, report.Added + report.Updated + report.Removed);

        Assert.Equal("Fisheries report released (corrected)", (await again.GetReleaseAsync(NamesFixture.SamFirst.Slug)).Title);
        Assert.Equal(NamesFixture.All.Count, (await again.GetAllReleasesAsync()).Count);
        var corrected = await again.GetReleaseListAsync("q=corrected");
        Assert.Equal([NamesFixture.SamFirst.Slug], corrected.Items.Select(i => i.Slug));
    }
}
