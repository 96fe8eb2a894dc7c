using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Web.Display;

namespace PressReleases.Web.Listing;

/// <summary>
/// Names a listing's state for people choosing among feeds: "PressReleases: Jacinda Ardern — “housing”".
/// The feed and the pages' &lt;link rel="alternate"&gt; use the same words, so a reader shows what was offered.
/// </summary>
public static class ListingTitle
{
    /// <param name="nameOf">The display name of a selected minister's or portfolio's slug.</param>
    public static string For(SearchRequest request, Func<NameKind, string, string> nameOf) => "PressReleases: " + Describe(request, nameOf);

    /// <summary>The state alone: "Jacinda Ardern — “housing” — from 2020-01-01", or "all releases".</summary>
    public static string Describe(SearchRequest request, Func<NameKind, string, string> nameOf)
    {
        var (query, from, to) = (request.Query, request.From, request.To);
        var parts = new List<string>();
        var names = NameKind.All.SelectMany(kind => request.Selected(kind).Select(slug => nameOf(kind, slug))).ToList();
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

        var everything = request.Status switch
        {
            ReleaseStatus.Withdrawn => "withdrawn releases",
            ReleaseStatus.All => "all releases, withdrawn included",
            _ => "all releases",
        };
        if (request.Status != ReleaseStatus.Current && parts.Count > 0)
        {
            parts.Add(everything);
        }

        return parts.Count == 0 ? everything : string.Join(" — ", parts);
    }
}
