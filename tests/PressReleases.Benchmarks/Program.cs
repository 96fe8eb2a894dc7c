using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PressReleases.Benchmarks.Cli;
using PressReleases.Benchmarks.Ingestion;
using PressReleases.Benchmarks.Mix;
using PressReleases.Benchmarks.Quality;
using PressReleases.Benchmarks.Search;
using PressReleases.Benchmarks.Setup;

// Benchmarks and latency tools for PressReleases (issue #5); `--help` lists the verbs.
const int Ok = 0, Failed = 1, UsageError = 64, Cancelled = 130;

if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
{
    Console.WriteLine(Usage.Text);
    return args.Length == 0 ? UsageError : Ok;
}

var verb = args[0];
if (verb is not ("bdn" or "querymix" or "httpmix" or "build-data" or "ingest-floor" or "phrase-floor" or "quality"))
{
    Console.Error.WriteLine($"Unknown verb '{verb}'. {Usage.Hint}");
    return UsageError;
}

var options = BenchOptions.Parse(verb, args[1..], out var error);
if (options is null)
{
    Console.Error.WriteLine($"{error} {Usage.Hint}");
    return UsageError;
}

// Exported, so BenchmarkDotNet's child processes find the same corpus and data.
if (options.Data is { } data)
{
    Environment.SetEnvironmentVariable(BenchPaths.DataVariable, Path.GetFullPath(data));
}

if (options.Corpus is { } corpus)
{
    Environment.SetEnvironmentVariable(BenchPaths.CorpusVariable, Path.GetFullPath(corpus));
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    switch (verb)
    {
        case "bdn":
            // Results go to the temp folder, never into the repository (which is where this is usually run from).
            var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Path.GetTempPath(), "pressreleases-bdn"));
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchPaths).Assembly).Run([.. options.Rest], config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? Failed : Ok;
        case "querymix":
            return await QueryMixVerb.RunAsync(options, Console.Out, cancel.Token);
        case "httpmix":
            return await HttpMixVerb.RunAsync(options, Console.Out, cancel.Token);
        case "quality":
            return await QualityVerb.RunAsync(options, Console.Out, cancel.Token);
        case "phrase-floor":
            return await PhraseFloorVerb.RunAsync(options, Console.Out, cancel.Token);
        case "ingest-floor":
            return IngestFloorVerb.Run(Console.Out);
        default:
            using (var built = await BenchData.OpenAsync(BenchPaths.DataFolder, BenchPaths.CorpusFolder, Console.Out, cancel.Token))
            {
                Console.WriteLine($"Data ready: {built.Releases:N0} releases in {built.Data.Root}.");
            }

            return Ok;
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return Cancelled;
}
catch (BenchSetupException ex)
{
    Console.Error.WriteLine(ex.Message);
    return Failed;
}
