using PressReleases.Core.Releases;
using PressReleases.Web.Display;

namespace PressReleases.Web.Listing;

/// <summary>One minister or portfolio facet as the listing (<c>_Listing.cshtml</c>) shows it: selected values first, each a toggling link.</summary>
public sealed record FacetView(string Id, string Heading, IReadOnlyList<FacetView.Entry> Entries)
{
    public sealed record Entry(string Name, int? Count, bool Selected, string Url);

    public static FacetView For(NameKind kind, ListingView list)
    {
        var values = list.Result?.Facets.Of(kind) ?? [];
        var selected = list.State.Selected(kind);
        string Toggle(string slug) => list.State.Toggle(kind, slug).Url();

        // A selected value may have fallen outside the top facet values; it is still listed so it can be removed.
        var counts = values.ToDictionary(v => v.Slug);
        var entries = selected
            .Select(slug => counts.TryGetValue(slug, out var v)
                ? new Entry(v.Name, v.Count, true, Toggle(slug))
                : new Entry(list.NameOf(kind, slug), null, true, Toggle(slug)))
            .Concat(values.Where(v => !selected.Contains(v.Slug)).Select(v => new Entry(v.Name, v.Count, false, Toggle(v.Slug))))
            .ToList();
        return new FacetView("facet-" + kind.Singular, kind.Heading(), entries);
    }
}
