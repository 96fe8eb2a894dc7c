using PressReleases.Web.Display;

namespace PressReleases.Web.Feeds;

/// <summary>
/// Names a listing's state for people choosing among feeds: "PressReleases: Jacinda Ardern — “housing”".
/// The feed and the pages' &lt;link rel="alternate"&gt; use the same words, so a reader shows what was offered.
/// </summary>
public static class FeedTitle
{
    public static string For(string? query, IEnumerable<string> ministers, IEnumerable<string> portfolios, DateOnly? from, DateOnly? to)
    {
        var parts = new List<string>();
        var names = ministers.Concat(portfolios).ToList();
        if (names.Count > 0)
        {
            parts.Add(string.Join(", ", names));
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            parts.Add($"“{query.Trim()}”");
        }

        if (from is not null || to is not null)
        {
            var span = (from is { } f ? "from " + Format.IsoDate(f) : "") + (from is not null && to is not null ? " " : "") + (to is { } t ? "to " + Format.IsoDate(t) : "");
            parts.Add(span);
        }

        return "PressReleases: " + (parts.Count == 0 ? "all releases" : string.Join(" — ", parts));
    }
}
