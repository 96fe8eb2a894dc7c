namespace PressReleases.Core.Search;

/// <summary>
/// What one pass over a search's matches found: how many releases pass every selection, the facet counts
/// (drill sideways, see <see cref="Collecting.FacetingCollector"/>) and the first document ids in the listed order.
/// </summary>
/// <param name="Ordered">Document ids of the reader the pass ran on, best or newest first, as many as were asked for.</param>
/// <param name="Visited">Documents the text and date conditions matched, before the selections: the pass's cost.</param>
internal sealed record ScopePass(
    int Total,
    IReadOnlyDictionary<string, int> MinisterCounts,
    IReadOnlyDictionary<string, int> PortfolioCounts,
    IReadOnlyDictionary<int, int> YearCounts,
    int[] Ordered,
    int Visited);
