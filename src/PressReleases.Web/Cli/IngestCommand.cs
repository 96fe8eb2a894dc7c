using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;

namespace PressReleases.Web.Cli;

/// <summary><c>ingest &lt;folder&gt; [--strict]</c>: one ingest run with a progress line and a summary.</summary>
internal sealed class IngestCommand(string folder, bool strict) : ICommand
{
    // Every warning is listed (the corpus has about fifty); the cap only keeps a pathological folder readable.
    private const int WarningsShown = 1_000;

    public string Folder { get; } = folder;

    public bool Strict { get; } = strict;

    public async Task<int> RunAsync()
    {
        // `dotnet run -- ingest ../corpus` passes a path relative to where the command was typed.
        var fullPath = Path.GetFullPath(Folder);
        if (!Directory.Exists(fullPath))
        {
            Console.Error.WriteLine($"Folder not found: {fullPath}");
            return 1;
        }

        return await CliHost.RunAsync("Cancelled; releases written before the cancel are kept.", async (services, ct) =>
        {
            var sync = await services.GetRequiredService<IndexSynchronizer>().SyncAsync(ct);
            if (sync.Rebuilt)
            {
                Console.Out.WriteLine($"Rebuilt the search index from the store: {CliHost.Count(sync.Indexed)} releases in {CliHost.FormatElapsed(sync.Elapsed)}.");
            }

            Console.Out.WriteLine($"Ingesting {fullPath}");
            var ingester = services.GetRequiredService<Ingester>();
            var interactive = LiveProgress.IsInteractive;
            IngestReport report;
            try
            {
                report = interactive
                    ? await LiveProgress.RunAsync("Ingesting", progress => ingester.IngestAsync(fullPath, progress, searchableWhileRunning: false, ct))
                    : await ingester.IngestAsync(fullPath, new ConsoleProgress(Console.Out), searchableWhileRunning: false, ct);
            }
            catch (IngestFolderNotFoundException)
            {
                // The folder went away between the check above and the run.
                Console.Error.WriteLine($"Folder not found: {fullPath}");
                return 1;
            }

            PrintReport(report, interactive);
            return Strict && report.Rejected > 0 ? 2 : 0;
        });
    }

    private static void PrintReport(IngestReport report, bool interactive)
    {
        var output = Console.Out;
        output.WriteLine();
        if (interactive)
        {
            IngestSummary.WriteTable(report);
        }
        else
        {
            IngestSummary.WritePlain(report, output);
        }

        var errors = report.Problems.Where(p => p.Severity == IngestProblemSeverity.Error).ToList();
        var warnings = report.Problems.Where(p => p.Severity != IngestProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            output.WriteLine();
            foreach (var error in errors)
            {
                output.WriteLine(error);
            }
        }

        if (warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(warnings.Count == 1 ? "1 warning:" : $"{CliHost.Count(warnings.Count)} warnings:");
            foreach (var warning in warnings.Take(WarningsShown))
            {
                output.WriteLine(warning);
            }

            if (warnings.Count > WarningsShown)
            {
                output.WriteLine($"... and {CliHost.Count(warnings.Count - WarningsShown)} more");
            }
        }
    }
}
