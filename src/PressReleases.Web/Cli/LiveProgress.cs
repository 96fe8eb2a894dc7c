using PressReleases.Core.Ingestion;
using Spectre.Console;

namespace PressReleases.Web.Cli;

/// <summary>
/// A redrawn progress bar (count, rate, time left) for someone watching a terminal. Redirected output
/// (a CI log, a file, the tests) gets <see cref="ConsoleProgress"/>'s plain lines instead, because
/// redraws there turn into thousands of lines of escape codes.
/// </summary>
internal static class LiveProgress
{
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task<T> RunAsync<T>(string description, Func<IProgress<IngestProgress>, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new CountColumn(),
                new RateColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                // Indeterminate until the ingester has counted the folder's files.
                var task = context.AddTask(description).IsIndeterminate(true);
                var result = await work(new Reporter(task));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });

    /// <summary>Reports may come from several threads; the task only ever moves forward.</summary>
    private sealed class Reporter(ProgressTask task) : IProgress<IngestProgress>
    {
        private readonly Lock gate = new();

        public void Report(IngestProgress value)
        {
            lock (gate)
            {
                if (task.IsIndeterminate && value.FilesTotal > 0)
                {
                    task.MaxValue = value.FilesTotal;
                    task.IsIndeterminate = false;
                }

                task.Value = Math.Max(task.Value, value.FilesDone);
            }
        }
    }
}
