using PressReleases.Core.Search;

namespace PressReleases.Web.Pages.Releases;

/// <summary>One minister or portfolio facet as the listing (<c>_ReleaseList.cshtml</c>) shows it: selected values first, each a toggling link.</summary>
public sealed record FacetView(string Id, string Heading, IReadOnlyList<FacetView.Entry> Entries)
{
    public sealed record Entry(string Name, int? Count, bool Selected, string Url);

    public static FacetView Ministers(ReleaseListView list) =>
        Build("facet-minister", "Minister", list.Result?.Facets.Ministers ?? [], list.State.Ministers, list.MinisterName, slug => list.State.ToggleMinister(slug).Url());

    public static FacetView Portfolios(ReleaseListView list) =>
        Build("facet-portfolio", "Portfolio", list.Result?.Facets.Portfolios ?? [], list.State.Portfolios, list.PortfolioName, slug => list.State.TogglePortfolio(slug).Url());

    private static FacetView Build(
        string id,
        string heading,
        IReadOnlyList<FacetValue> values,
        IReadOnlyList<string> selected,
        Func<string, string> nameOf,
        Func<string, string> toggle)
    {
        // A selected value may have fallen outside the top facet values; it is still listed so it can be removed.
        var counts = values.ToDictionary(v => v.Slug);
        var entries = selected
            .Select(slug => new Entry(counts.TryGetValue(slug, out var v) ? v.Name : nameOf(slug), counts.TryGetValue(slug, out var c) ? c.Count : null, true, toggle(slug)))
            .Concat(values.Where(v => !selected.Contains(v.Slug)).Select(v => new Entry(v.Name, v.Count, false, toggle(v.Slug))))
            .ToList();
        return new FacetView(id, heading, entries);
    }
}
