using System.Globalization;

namespace PressReleases.Web.Tests.TestSupport;

public static class Dates
{
    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Fails unless the known dates are in order (descending for newest first) and every unknown date comes after them.</summary>
    public static void AssertOrdered(IReadOnlyList<string?> dates, bool newestFirst, string context)
    {
        var firstUnknown = dates.ToList().FindIndex(d => d is null);
        if (firstUnknown >= 0)
        {
            Assert.True(dates.Skip(firstUnknown).All(d => d is null), $"{context}: a release with a date follows one with an unknown date: [{string.Join(", ", dates)}]");
        }

        var known = dates.Where(d => d is not null).Select(d => Parse(d!)).ToList();
        for (var i = 1; i < known.Count; i++)
        {
            var inOrder = newestFirst ? known[i - 1] >= known[i] : known[i - 1] <= known[i];
            Assert.True(inOrder, $"{context}: {known[i - 1]:yyyy-MM-dd} is followed by {known[i]:yyyy-MM-dd}, not {(newestFirst ? "newest" : "oldest")} first.");
        }
    }
}
