using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// A release whose optional fields come in shapes the ingester does not know is stored, not rejected: each odd
/// field is skipped with a warning naming the file, the line and the field, and attachments written as maps with a
/// url are read. Required fields stay strict.
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
        await using var db = new StoreContextFactory(StoreLocation.Sqlite(new DataDirectory(data))).CreateDbContext();
        Assert.Equal(["https://www.beehive.govt.nz/sites/default/files/report.pdf"], (await db.Releases.SingleAsync()).Attachments);
    }
}
