using System.Text.RegularExpressions;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Cli;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// The plain output that scripts and CI logs read: redirected output never gets the live progress bar or
/// the table, and the summary keeps its "Label      N" lines exactly.
/// </summary>
public sealed partial class IngestOutputTests(CliSeedsFixture seeds) : IClassFixture<CliSeedsFixture>
{
    [Fact]
    public void PlainSummary_IsOneAlignedLinePerCount()
    {
        var report = new IngestReport(1, "/x", 55_167, 55_100, 12, 3, 2, 52, TimeSpan.FromSeconds(83), []);
        using var output = new StringWriter { NewLine = "\n" };
        IngestSummary.WritePlain(report, output);
        Assert.Equal(
            """
            Added      55,100
            Updated    12
            Unchanged  3
            Removed    2
            Rejected   52
            Files      55,167
            Time       1 min 23 s

            """.ReplaceLineEndings("\n"),
            output.ToString());
    }

    [Fact]
    public void RedirectedIngestOutput_IsPlainText_WithoutTerminalCodes()
    {
        var result = seeds.FirstIngest;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001b', result.StdOut);
        Assert.DoesNotContain("╭", result.StdOut, StringComparison.Ordinal);

        var labels = result.StdOutLines.Select(l => SummaryLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Added", "Updated", "Unchanged", "Removed", "Rejected", "Files", "Time"], labels);

        // Progress, when a run is long enough to print any, keeps its plain form.
        Assert.All(
            result.StdOutLines.Where(l => l.Contains(" files (", StringComparison.Ordinal)),
            l => Assert.Matches(@"^  [\d,]+ / [\d,]+ files \([\d,]+/s\)$", l));
    }

    [Fact]
    public void FirstIngest_SaysItCreatedTheIndex_NotThatItRebuiltNothing()
    {
        var result = seeds.FirstIngest;
        Assert.True(result.ExitCode == 0, result.ToString());

        Assert.Equal("Created the search index.", result.StdOutLines.First());
        Assert.DoesNotContain("Rebuilt", result.StdOut, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(Added|Updated|Unchanged|Removed|Rejected|Files|Time) +\S")]
    private static partial Regex SummaryLine();
}
