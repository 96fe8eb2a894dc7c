namespace PressReleases.Core.Search.Querying;

/// <summary>
/// Words of a free query that name a minister or a year ("ardern", "jacinda ardern", "2019"). They still
/// match as words, and also match (and raise) the minister's releases or the year's; the page offers to make
/// them a filter instead.
/// </summary>
/// <param name="Text">The words as typed.</param>
/// <param name="MinisterSlug">The minister they name, or null.</param>
/// <param name="MinisterName">That minister's display name, or null.</param>
/// <param name="Year">The year they name, or null.</param>
/// <param name="QueryWithout">What the user typed without these words: the query to keep when they become a filter.</param>
public sealed record QueryReading(string Text, string? MinisterSlug, string? MinisterName, int? Year, string QueryWithout)
{
    /// <summary>The reading of <paramref name="input"/>[<paramref name="start"/>..<paramref name="end"/>].</summary>
    internal static QueryReading Of(string input, int start, int end, string? ministerSlug, string? ministerName, int? year) =>
        new(input[start..end], ministerSlug, ministerName, year, string.Join(' ', (input[..start] + " " + input[end..]).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
