using System.Diagnostics;
using PressReleases.Benchmarks.Cli;
using PressReleases.Benchmarks.Mix;
using PressReleases.Benchmarks.Setup;
using PressReleases.TestSupport.Quality;

namespace PressReleases.Benchmarks.Quality;

/// <summary>
/// <c>quality</c>: the search-quality measurement in seconds, for tuning. It opens the benchmark data directory
/// (building it from the corpus only when missing or stale, as every verb here does), runs the judged queries through
/// <see cref="QualityRunner"/> exactly as the search-quality test does, and prints the table per kind and split.
/// </summary>
public static class QualityVerb
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var file = options.Queries ?? BenchPaths.JudgedQueriesFile;
        JudgedQuerySet set;
        try
        {
            set = JudgedQuerySet.Load(file);
        }
        catch (FileNotFoundException ex)
        {
            throw new BenchSetupException(ex.Message, ex);
        }

        var queries = set.Select(options.Split, options.Kind);
        if (queries.Count == 0)
        {
            throw new BenchSetupException($"No judged query in '{file}' is of split '{options.Split}'{(options.Kind is null ? "" : $" and kind '{options.Kind}'")}.");
        }

        using var data = await BenchData.OpenAsync(BenchPaths.DataFolder, BenchPaths.CorpusFolder, output, cancellationToken);
        var clock = Stopwatch.StartNew();
        var outcomes = await QualityRunner.RunAsync(data.Search, queries, cancellationToken);
        var elapsed = clock.Elapsed;
        if (options.Verbose)
        {
            outcomes = await QualityRunner.DiagnoseAsync(data.Search, outcomes, cancellationToken);
        }

        var report = new QualityReport(set, outcomes);
        output.WriteLine($"{queries.Count} judged queries of '{file}' (split {options.Split}{(options.Kind is null ? "" : $", kind {options.Kind}")}) searched in {elapsed.TotalSeconds:F1} s over {data.Releases:N0} releases.");
        output.WriteLine();
        output.Write(report.KindTable());
        if (report.TypoLine() is { Length: > 0 } typos)
        {
            output.WriteLine(typos);
        }

        if (options.Verbose)
        {
            output.WriteLine();
            output.WriteLine("Imperfect queries: ranks of the judged releases in the top 10, (in parentheses) in the first 100 hits when not there.");
            foreach (var line in report.ImperfectLines())
            {
                output.WriteLine(line);
            }
        }

        MixReport.Machine(output);
        return 0;
    }
}
