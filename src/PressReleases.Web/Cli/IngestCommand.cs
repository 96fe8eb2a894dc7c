using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Cli;

/// <summary>
/// <c>ingest &lt;folder&gt; [--strict | --watch]</c>: one ingest run with a progress line and a summary, or with
/// <c>--watch</c> that run followed by one for every change to the folder until stopped.
/// </summary>
internal sealed class IngestCommand(string folder, bool strict, bool watch = false) : ICommand
{
    // Every warning is listed (the corpus has about fifty); the cap only keeps a pathological folder readable.
    private const int WarningsShown = 1_000;

    public string Folder { get; } = folder;

    public bool Strict { get; } = strict;

    public bool Watch { get; } = watch;

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
            if (services.GetRequiredService<IngestTarget>().UpdatesIndex)
            {
                var sync = await services.GetRequiredService<IndexSynchronizer>().SyncAsync(ct);
                if (sync.Rebuilt)
                {
                    // A first ingest finds no index and nothing in the store to build one from: "rebuilt … 0 releases"
                    // would only puzzle someone who has built nothing yet.
                    Console.Out.WriteLine(sync.Indexed == 0
                        ? "Created the search index."
                        : $"Rebuilt the search index from the store: {CliHost.Count(sync.Indexed)} releases in {CliHost.FormatElapsed(sync.Elapsed)}.");
                }

                Console.Out.WriteLine($"Ingesting {fullPath}");
            }
            else
            {
                // The web nodes each index what this writes, as they follow the store (docs/scaling.md).
                Console.Out.WriteLine($"Ingesting {fullPath} into {services.GetRequiredService<StoreLocation>().Description} (the store only: each web node indexes it)");
            }

            return Watch ? await WatchAsync(services, fullPath, ct) : await IngestOnceAsync(services, fullPath, ct);
        }, watching: Watch);
    }

    /// <summary>The full report: the summary (a table in a terminal), then each rejected file and the warnings.</summary>
    public static void PrintReport(IngestReport report, bool interactive)
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

        var errors = report.Errors.ToList();
        var warnings = report.Warnings.ToList();
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

    private async Task<int> IngestOnceAsync(IServiceProvider services, string fullPath, CancellationToken ct)
    {
        var interactive = LiveProgress.IsInteractive;
        IngestReport report;
        try
        {
            report = await IngestWithProgressAsync(services.GetRequiredService<Ingester>(), fullPath, interactive, ct);
        }
        catch (IngestFolderNotFoundException)
        {
            // The folder went away between the check above and the run.
            Console.Error.WriteLine($"Folder not found: {fullPath}");
            return 1;
        }

        PrintReport(report, interactive);
        return Strict && report.Rejected > 0 ? 2 : 0;
    }

    /// <summary>Runs until stopped: the loop returns normally when <paramref name="ct"/> is cancelled, and that is success.</summary>
    private static async Task<int> WatchAsync(IServiceProvider services, string fullPath, CancellationToken ct)
    {
        var ingester = services.GetRequiredService<Ingester>();
        var schedule = services.GetIngestOptions().Schedule();
        var interactive = LiveProgress.IsInteractive;
        var output = new WatchOutput(Console.Out, fullPath, schedule, interactive);
        var loop = new WatchedIngest(
            fullPath,
            services.GetRequiredService<StoreLocation>().Description,
            // The first run may be the whole export, so it shows progress; later runs are a line each.
            (trigger, token) => trigger == IngestTrigger.Start
                ? IngestWithProgressAsync(ingester, fullPath, interactive, token)
                : ingester.IngestAsync(fullPath, progress: null, searchableWhileRunning: false, token),
            output.RunCompleted,
            schedule,
            services.GetRequiredService<ILogger<WatchedIngest>>());
        await loop.RunAsync(ct);
        return 0;
    }

    // Nobody searches the command line's index while it ingests, so nothing is made searchable before the run ends.
    private static Task<IngestReport> IngestWithProgressAsync(Ingester ingester, string fullPath, bool interactive, CancellationToken ct) =>
        interactive
            ? LiveProgress.RunAsync("Ingesting", progress => ingester.IngestAsync(fullPath, progress, searchableWhileRunning: false, ct))
            : ingester.IngestAsync(fullPath, new ConsoleProgress(Console.Out), searchableWhileRunning: false, ct);
}
