using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// A release whose optional fields come in shapes the ingester does not know is stored, not rejected: each odd
/// field is skipped with a warning naming the file, the line and the field, and attachments written as maps with a
/// url are read, with their names, which the release page shows as the links' text and the API gives in
/// <c>attachmentLinks</c>. Required fields stay strict.
/// </summary>
public sealed class OddFieldIngestTests : IDisposable
{
    private readonly TempDirectory temp = new("odd-fields");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ReleaseWithOddOptionalFields_IsStored_WithAWarningPerField_NamingFileAndLine()
    {
        var source = temp.Sub("source");
        Directory.CreateDirectory(Path.Combine(source, "2024", "03"));
        File.WriteAllText(Path.Combine(source, "2024", "03", "odd.md"), """
            ---
            title: "Clinic hours extended"
            date: 2024-03-05
            url: https://www.beehive.govt.nz/release/clinic-hours-extended
            ministers:
              - name: Jane Example
                role: Minister of Health
              - Hon Sam Sample
            portfolios:
              Health: true
            attachments:
              - name: "Report"
                url: https://www.beehive.govt.nz/sites/default/files/report.pdf
              - name: "Annex, with no address"
                size: 12 KB
              - https://www.beehive.govt.nz/sites/default/files/Plain%20Annex.pdf
              - name: "<script>alert('n1')</script> Costs & \"benefits\""
                url: https://www.beehive.govt.nz/sites/default/files/costs.pdf
              - url: https://www.beehive.govt.nz/sites/default/files/unnamed.pdf
            ---

            Clinics will open longer.
            """);
        File.WriteAllText(Path.Combine(source, "2024", "03", "no-title.md"), """
            ---
            title:
              - a list where the title belongs
            date: 2024-03-06
            url: https://www.beehive.govt.nz/release/no-title
            ---

            Required fields stay strict.
            """);
        var data = Path.Combine(temp.Path, "data");

        var run = await CliRunner.RunAsync(data, temp.Path, "ingest", source);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.Summary("Added"));
        Assert.Equal(1, run.Summary("Rejected"));
        var odd = Path.Combine("2024", "03", "odd.md");
        Assert.True(run.StdOut.Contains("3 warnings:", StringComparison.Ordinal), run.ToString());
        Assert.Contains($"{odd}:6: 'ministers' has an entry that is not a single value; skipped, the release is stored without it", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{odd}:10: 'portfolios' is a map where a list belongs; skipped", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{odd}:14: 'attachments' has an entry that is not a single value; skipped", run.StdOut, StringComparison.Ordinal);

        var stored = Assert.Single(await StoreContents.ReadAsync(data)).Release;
        Assert.Equal("Clinic hours extended", stored.Title);
        Assert.Equal("sam-sample=Sam Sample", stored.Ministers);
        Assert.Equal("", stored.Portfolios);
        string[] urls =
        [
            "https://www.beehive.govt.nz/sites/default/files/report.pdf",
            "https://www.beehive.govt.nz/sites/default/files/Plain%20Annex.pdf",
            "https://www.beehive.govt.nz/sites/default/files/costs.pdf",
            "https://www.beehive.govt.nz/sites/default/files/unnamed.pdf",
        ];
        const string Hostile = "<script>alert('n1')</script> Costs & \"benefits\"";
        await using (var db = new StoreContextFactory(StoreLocation.Sqlite(new DataDirectory(data))).CreateDbContext())
        {
            Assert.Equal(urls, (await db.Releases.SingleAsync()).Attachments);
        }

        // The site over the store the command line wrote: a named attachment is linked by its name, encoded as
        // text; one without a name by its file name, as before.
        await using var site = new PressReleasesFactory(source, data, ingestOnStartup: false);
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, 1);

        var page = await client.GetPageAsync("/releases/clinic-hours-extended");
        var links = page.QuerySelectorAll(".release__attachments a").ToList();
        Assert.Equal(urls, links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Report", "Plain Annex.pdf", Hostile, "unnamed.pdf"], links.Select(a => a.TextContent));
        Assert.All(links, a => Assert.Empty(a.Children));
        Assert.Empty(page.QuerySelectorAll("article script"));

        var api = await client.GetJsonAsync("/api/releases/clinic-hours-extended");
        Assert.Equal(urls, api.Root.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(
            [(urls[0], "Report"), (urls[1], null), (urls[2], Hostile), (urls[3], null)],
            api.Root.GetProperty("attachmentLinks").EnumerateArray().Select(l => (l.GetProperty("url").GetString(), l.GetProperty("name").GetString())));
    }
}
