using System.Globalization;

namespace PressReleases.Benchmarks.Mix;

/// <summary>What a mix holds and what the machine was doing, printed before (and after) the timings so figures carry their context.</summary>
public static class MixReport
{
    public static void Describe(IReadOnlyList<MixQuery> mix, TextWriter output)
    {
        output.WriteLine($"mix: {mix.Count} queries ({mix.Count(q => q.Source.StartsWith("judged", StringComparison.Ordinal))} judged, " +
                         $"{mix.Count(q => q.Source.StartsWith("derived", StringComparison.Ordinal))} derived): " +
                         $"{mix.Count(q => q.Text is null)} without words, {mix.Count(q => q.Text?.Contains('"') == true)} with a phrase, " +
                         $"{mix.Count(q => q.Ministers.Count > 0)} with a minister filter, {mix.Count(q => q.Portfolios.Count > 0)} with a portfolio filter, " +
                         $"{mix.Count(q => q.From is not null)} with a date range");
    }

    /// <summary>Cores and load average: the machine is shared, so a figure means little without them.</summary>
    public static void Machine(TextWriter output)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, load average {load}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z"));
    }
}
