namespace PressReleases.Web.Citations;

/// <summary>
/// "Retrieved on" is a calendar date as the reader's calendar has it. The readers are mostly in New Zealand,
/// where a UTC date is a day behind every morning, so the date is taken in New Zealand time.
/// </summary>
public static class RetrievalDate
{
    private static readonly TimeZoneInfo NewZealand = FindNewZealand();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NewZealand).DateTime);

    /// <summary>The instant <paramref name="day"/> began in New Zealand: when a citation's "retrieved on" last changed.</summary>
    public static DateTimeOffset Start(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, NewZealand.GetUtcOffset(midnight));
    }

    private static TimeZoneInfo FindNewZealand()
    {
        // IANA ids resolve on Windows too (through ICU); a host without time-zone data falls back to UTC
        // rather than failing every release page.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Pacific/Auckland", out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
