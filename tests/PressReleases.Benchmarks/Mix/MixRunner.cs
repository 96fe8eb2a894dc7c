using System.Diagnostics;
using System.Globalization;

namespace PressReleases.Benchmarks.Mix;

/// <summary>One timed thing to do: a label for reports and the call, which says whether it succeeded.</summary>
public sealed record MixOperation(string Label, Func<CancellationToken, Task<bool>> RunAsync);

/// <summary>
/// Runs a list of operations one after another: one untimed warm-up pass, then for each of
/// <c>runs</c> runs, <c>passes</c> timed passes over the whole list. Prints each run's percentiles, the
/// spread of p50/p99 across runs, and the slowest operations (by their median over every timed call).
/// A failed call is counted as an error and left out of the timings.
/// </summary>
public sealed class MixRunner(TextWriter output, int passes, int runs)
{
    public async Task<MixOutcome> RunAsync(string title, IReadOnlyList<MixOperation> operations, CancellationToken cancellationToken)
    {
        output.WriteLine($"== {title}: {operations.Count} operations, warm-up pass, then {runs} run(s) of {passes} pass(es)");
        var warmupErrors = 0;
        foreach (var operation in operations)
        {
            warmupErrors += await operation.RunAsync(cancellationToken) ? 0 : 1;
        }

        var perOperation = operations.Select(_ => new List<double>()).ToArray();
        var runStats = new List<LatencyStats>();
        var errors = 0;
        for (var run = 1; run <= runs; run++)
        {
            var timings = new List<double>(operations.Count * passes);
            for (var pass = 0; pass < passes; pass++)
            {
                for (var i = 0; i < operations.Count; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var ok = await operations[i].RunAsync(cancellationToken);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!ok)
                    {
                        errors++;
                        continue;
                    }

                    timings.Add(ms);
                    perOperation[i].Add(ms);
                }
            }

            var stats = LatencyStats.Of(timings);
            runStats.Add(stats);
            output.WriteLine($"run {run}: {stats}");
        }

        if (runs > 1)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"across {runs} runs: p50 median {LatencyStats.Median(runStats.Select(s => s.P50).ToList()):F2} ms " +
                $"(range {runStats.Min(s => s.P50):F2}–{runStats.Max(s => s.P50):F2}), " +
                $"p99 median {LatencyStats.Median(runStats.Select(s => s.P99).ToList()):F2} ms " +
                $"(range {runStats.Min(s => s.P99):F2}–{runStats.Max(s => s.P99):F2})"));
        }

        output.WriteLine($"errors: {errors} timed, {warmupErrors} in warm-up");
        output.WriteLine("slowest (median / max over timed calls):");
        var slowest = perOperation
            .Select((t, i) => (operations[i].Label, Timings: t))
            .Where(x => x.Timings.Count > 0)
            .Select(x => (x.Label, Median: LatencyStats.Median(x.Timings), Max: x.Timings.Max()))
            .OrderByDescending(x => x.Median)
            .Take(5);
        foreach (var (label, median, max) in slowest)
        {
            output.WriteLine($"  {median,8:F2} / {max,8:F2} ms  {label}");
        }

        output.WriteLine();
        return new MixOutcome(runStats, errors + warmupErrors);
    }
}

public sealed record MixOutcome(IReadOnlyList<LatencyStats> Runs, int Errors);
