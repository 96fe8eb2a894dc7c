namespace PressReleases.Core.Ingestion.Watching;

/// <summary>
/// The timing of a watched ingest. TimeSpans rather than the configuration's minutes and milliseconds so tests can
/// run the same loop in milliseconds.
/// </summary>
public sealed record WatchSchedule
{
    /// <summary>How many quiet periods a steady trickle of changes may hold an ingest back.</summary>
    public const int LongestDelayInQuietPeriods = 10;

    public WatchSchedule(TimeSpan quietPeriod, TimeSpan rescan, RetryBackoff? backoff = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quietPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rescan, TimeSpan.Zero);
        QuietPeriod = quietPeriod;
        Rescan = rescan;
        Backoff = backoff ?? RetryBackoff.Default;
    }

    /// <summary>How long the folder must be quiet after a change before the ingest starts: a copy of many files is one run.</summary>
    public TimeSpan QuietPeriod { get; }

    /// <summary>
    /// The longest an ingest waits after the first change it will pick up, quiet or not, so a folder that never stops
    /// changing (an export written file by file all day) is still ingested as it goes.
    /// </summary>
    public TimeSpan LongestDelay => QuietPeriod * LongestDelayInQuietPeriods;

    /// <summary>The safety net: a full look at the folder at least this often, whatever the watch noticed.</summary>
    public TimeSpan Rescan { get; }

    /// <summary>The waits between attempts while the store is away.</summary>
    public RetryBackoff Backoff { get; }
}
