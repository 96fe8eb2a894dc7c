using System.Globalization;
using PressReleases.Core.Store;

namespace PressReleases.Web.Pages.Shared;

/// <summary>How the minister and portfolio tables are ordered.</summary>
public enum NameDirectorySort
{
    Name,
    Count,
}

/// <summary>The /ministers or /portfolios table: every name, narrowed by a typed filter and ordered by name or count.</summary>
public sealed class NameDirectory
{
    public required string BasePath { get; init; }

    /// <summary>"minister" / "ministers", for headings and counts.</summary>
    public required string Singular { get; init; }

    public required string Plural { get; init; }

    public string? Filter { get; init; }

    public NameDirectorySort Sort { get; init; }

    public required IReadOnlyList<NameSummary> Items { get; init; }

    public int TotalCount { get; init; }

    /// <summary>Builds the table from the catalog's list (already sorted by name).</summary>
    public static NameDirectory Build(string basePath, string singular, string plural, IReadOnlyList<NameSummary> all, string? filter, string? sort)
    {
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
        var order = string.Equals(sort, "count", StringComparison.OrdinalIgnoreCase) ? NameDirectorySort.Count : NameDirectorySort.Name;

        // Case- and accent-insensitive, so "maori" finds "Māori Development".
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        IEnumerable<NameSummary> items = filter is null
            ? all
            : all.Where(n => compare.IndexOf(n.Name, filter, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
                || n.Slug.Contains(filter, StringComparison.OrdinalIgnoreCase));
        if (order == NameDirectorySort.Count)
        {
            items = items.OrderByDescending(n => n.ReleaseCount).ThenBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase);
        }

        return new NameDirectory
        {
            BasePath = basePath,
            Singular = singular,
            Plural = plural,
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
