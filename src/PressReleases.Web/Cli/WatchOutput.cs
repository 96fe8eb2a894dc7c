using System.Globalization;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;

namespace PressReleases.Web.Cli;

/// <summary>
/// What <c>ingest --watch</c> prints on stdout: the first completed run in full (as a one-off ingest does), then one
/// timestamped line per run, such as
/// <c>2026-01-05 14:03:07 change: 1 added, 0 updated, 213 unchanged, 0 removed, 1 rejected (215 files, 0.3 s)</c>,
/// followed by the problems that run found and the run before did not. A file rejected at every rescan is listed once,
/// not every ten minutes; the count on each line still says it is there.
/// </summary>
internal sealed class WatchOutput(TextWriter output, string folder, WatchSchedule schedule, bool interactive)
{
    private HashSet<string>? previousProblems;

    public void RunCompleted(IngestTrigger trigger, IngestReport report)
    {
        var problems = report.Problems.Select(p => p.ToString()).ToList();
        if (previousProblems is null)
        {
            IngestCommand.PrintReport(report, interactive);
            output.WriteLine();
            output.WriteLine($"Watching {folder} for changes (ingesting {Duration(schedule.QuietPeriod)} after they settle, " +
                $"and every {Duration(schedule.Rescan)} regardless). Ctrl+C or SIGTERM stops.");
        }
        else
        {
            output.WriteLine(SummaryLine(DateTimeOffset.Now, trigger, report));
            foreach (var problem in problems.Where(p => !previousProblems.Contains(p)))
            {
                output.WriteLine(problem);
            }
        }

        previousProblems = problems.ToHashSet(StringComparer.Ordinal);
    }

    public static string SummaryLine(DateTimeOffset time, IngestTrigger trigger, IngestReport report) =>
        $"{CliHost.Timestamp(time)} {trigger.ToString().ToLowerInvariant()}: " +
        $"{CliHost.Count(report.Added)} added, {CliHost.Count(report.Updated)} updated, {CliHost.Count(report.Unchanged)} unchanged, " +
        $"{CliHost.Count(report.Removed)} removed, {CliHost.Count(report.Rejected)} rejected " +
        $"({CliHost.Count(report.FilesSeen)} files, {CliHost.FormatElapsed(report.Elapsed)})";

    /// <summary>"1 s", "0.2 s", "10 min": the settings as they were given, not as a stopwatch reads.</summary>
    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0 && span.Milliseconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
