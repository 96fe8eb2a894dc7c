using PressReleases.Core.Ingestion;
using Spectre.Console;

namespace PressReleases.Web.Cli;

/// <summary>
/// The counts at the end of an ingest run. The plain form is "Label      N" lines, one per count, which scripts
/// and the tests read, so it must not change; a terminal gets the same rows as a table.
/// </summary>
internal static class IngestSummary
{
    private static IReadOnlyList<(string Label, string Value)> Rows(IngestReport report) =>
    [
        ("Added", CliHost.Count(report.Added)),
        ("Updated", CliHost.Count(report.Updated)),
        ("Unchanged", CliHost.Count(report.Unchanged)),
        ("Removed", CliHost.Count(report.Removed)),
        ("Rejected", CliHost.Count(report.Rejected)),
        ("Files", CliHost.Count(report.FilesSeen)),
        ("Time", CliHost.FormatElapsed(report.Elapsed)),
    ];

    public static void WritePlain(IngestReport report, TextWriter output)
    {
        foreach (var (label, value) in Rows(report))
        {
            output.WriteLine($"{label,-10} {value}");
        }
    }

    public static void WriteTable(IngestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders();
        table.AddColumn(new TableColumn("").NoWrap());
        table.AddColumn(new TableColumn("").RightAligned().NoWrap());
        foreach (var (label, value) in Rows(report))
        {
            // Text, not markup: nothing in a value is ever read as Spectre's [style] syntax.
            table.AddRow(new Text(label), new Text(value));
        }

        AnsiConsole.Write(table);
    }
}
