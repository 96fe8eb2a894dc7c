namespace PressReleases.Core.Ingestion.Watching;

/// <summary>
/// How long to wait before trying again after consecutive failures: <see cref="First"/>, doubling each time, never
/// more than <see cref="Longest"/>. A store that is back in a second is used again in a second; one that is away for
/// an hour is asked once a minute rather than hammered.
/// </summary>
public sealed record RetryBackoff
{
    public RetryBackoff(TimeSpan first, TimeSpan longest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(longest, first);
        First = first;
        Longest = longest;
    }

    /// <summary>1 s, 2 s, 4 s … up to a minute.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    public TimeSpan First { get; }

    public TimeSpan Longest { get; }

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // Doubling stops as soon as it reaches the cap, so a long outage never overflows.
        var delay = First;
        for (var i = 1; i < failures && delay < Longest; i++)
        {
            delay *= 2;
        }

        return delay < Longest ? delay : Longest;
    }
}
