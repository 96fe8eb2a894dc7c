using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Trends;

/// <summary>
/// /trends: how many releases a listing's words, names and dates find per year (or month), as a bar chart and a table,
/// optionally as a share of all releases and split by the ministers or portfolios with most of them. Bad parameters
/// are left out with a notice, as on a listing.
/// </summary>
public sealed class IndexModel(SearchService search, ListingLoader listings, ReleaseCatalog catalog, StartupState startup) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    private readonly Dictionary<NameKind, IReadOnlyDictionary<string, string>> names = [];

    public TrendQuery Query { get; private set; } = null!;

    public IReadOnlyList<QueryProblem> Problems { get; private set; } = [];

    /// <summary>Null while the search index is still being built.</summary>
    public Trend? Trend { get; private set; }

    public TrendChart? Chart { get; private set; }

    /// <summary>With a split, one chart per name, on one scale.</summary>
    public IReadOnlyList<TrendChart> SplitCharts { get; private set; } = [];

    /// <summary>"Jacinda Ardern — “housing”", or "all releases".</summary>
    public string Description => ListingTitle.Describe(Query.Request, NameOf);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Query, Problems) = TrendQuery.Parse(Request.Query);
        if (startup.WhenStoreReady.IsCompletedSuccessfully)
        {
            foreach (var kind in NameKind.All)
            {
                names[kind] = await catalog.DisplayNamesAsync(kind, cancellationToken);
            }
        }

        if (!await listings.IsIndexReadyAsync(cancellationToken))
        {
            return;
        }

        Trend = await search.TrendAsync(Query.Request, Query.Split, cancellationToken);
        Chart = TrendChart.Of(Trend, Query.Measure);
        SplitCharts = TrendChart.Split(Trend, Query.Measure);

        // As on a listing, a page saying the index is being built must not be kept; only real counts are.
        CacheHeaders.ShortLived(HttpContext);
    }

    public string NameOf(NameKind kind, string slug) => names.GetValueOrDefault(kind, NoNames).GetValueOrDefault(slug) ?? slug;

    /// <summary>This trend without one of its names.</summary>
    public string Without(NameKind kind, string slug) =>
        (Query with { Request = Query.Request.WithSelected(kind, Query.Request.Selected(kind).Where(s => s != slug).ToArray()) }).PageUrl();
}
