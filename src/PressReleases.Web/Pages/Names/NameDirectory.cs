using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Web.Pages.Names;

/// <summary>How the minister and portfolio tables are ordered.</summary>
public enum NameDirectorySort
{
    Name,
    Count,
}

/// <summary>The /ministers or /portfolios table: every name, narrowed by a typed filter and ordered by name or count.</summary>
public sealed class NameDirectory
{
    public required NameKind Kind { get; init; }

    public string BasePath => "/" + Kind.Plural;

    /// <summary>"minister" / "ministers", for headings and counts.</summary>
    public string Singular => Kind.Singular;

    public string Plural => Kind.Plural;

    public string? Filter { get; init; }

    public NameDirectorySort Sort { get; init; }

    public required IReadOnlyList<NameSummary> Items { get; init; }

    public int TotalCount { get; init; }

    /// <summary>Builds the table from the catalog's list (already sorted by name).</summary>
    public static NameDirectory Build(NameKind kind, IReadOnlyList<NameSummary> all, string? filter, string? sort)
    {
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
        var order = string.Equals(sort, "count", StringComparison.OrdinalIgnoreCase) ? NameDirectorySort.Count : NameDirectorySort.Name;

        // Case- and accent-insensitive with the search's own folding, so "maori" finds "Māori Development".
        var folded = filter is null ? null : TextFolding.FoldToAscii(filter);
        IEnumerable<NameSummary> items = folded is null
            ? all
            : all.Where(n => TextFolding.FoldToAscii(n.Name).Contains(folded, StringComparison.OrdinalIgnoreCase)
                || n.Slug.Contains(folded, StringComparison.OrdinalIgnoreCase));
        if (order == NameDirectorySort.Count)
        {
            items = items.OrderByDescending(n => n.ReleaseCount).ThenBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase);
        }

        return new NameDirectory
        {
            Kind = kind,
            Filter = filter,
            Sort = order,
            Items = items.ToList(),
            TotalCount = all.Count,
        };
    }

    public string SortUrl(NameDirectorySort sort) => Url(Filter, sort);

    public string ClearFilterUrl() => Url(null, Sort);

    private string Url(string? filter, NameDirectorySort sort)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (filter is not null)
        {
            parameters.Add(new("filter", filter));
        }

        if (sort == NameDirectorySort.Count)
        {
            parameters.Add(new("sort", "count"));
        }

        return BasePath + QueryString.Create(parameters).ToUriComponent();
    }

    public string? AriaSort(NameDirectorySort column) =>
        Sort != column ? null : column == NameDirectorySort.Count ? "descending" : "ascending";
}
