using System.Diagnostics;
using System.Globalization;
using PressReleases.Core.Ingestion;

namespace PressReleases.Web.Cli;

/// <summary>
/// Prints a plain progress line at most every two seconds. Plain lines (no carriage-return redraws)
/// read well both in a terminal and in a CI log. Reports may come from several threads.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output) : IProgress<IngestProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private TimeSpan lastPrinted = TimeSpan.Zero;

    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            var now = clock.Elapsed;
            if (now - lastPrinted < Interval)
            {
                return;
            }

            lastPrinted = now;
            var rate = now.TotalSeconds > 0 ? value.FilesDone / now.TotalSeconds : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.FilesDone:N0} / {value.FilesTotal:N0} files ({rate:N0}/s)"));
        }
    }
}
