using PressReleases.Web.Api;
using PressReleases.Web.Pages.Releases;

namespace PressReleases.Web.Feeds;

/// <summary>
/// The feed and export links of a listing, for its current state. A minister's or portfolio's page keeps
/// its scope in the path; the feed and exports take it as a filter instead, so the same state reads alike
/// on every surface.
/// </summary>
public static class ListingLinks
{
    /// <summary>The feed of this listing: newest first always, so the order is not part of its URL.</summary>
    public static string Feed(ReleaseListView list) => (Unscoped(list) with { BasePath = FeedEndpoint.Path, Sort = null }).Url();

    public static string Csv(ReleaseListView list) => (Unscoped(list) with { BasePath = ExportsApi.CsvPath }).Url();

    public static string Ndjson(ReleaseListView list) => (Unscoped(list) with { BasePath = ExportsApi.NdjsonPath }).Url();

    public static string Title(ReleaseListView list)
    {
        var state = Unscoped(list);
        return FeedTitle.For(state.Query, state.Ministers.Select(list.MinisterName), state.Portfolios.Select(list.PortfolioName), state.From, state.To);
    }

    /// <summary>The state with the page's scope (the last segment of its path) as a filter, from page 1.</summary>
    private static ReleaseListState Unscoped(ReleaseListView list)
    {
        var state = list.State with { Page = 1 };
        var scopeSlug = state.BasePath[(state.BasePath.LastIndexOf('/') + 1)..];
        return list.Scope switch
        {
            ListScope.Minister => state with { Ministers = [scopeSlug] },
            ListScope.Portfolio => state with { Portfolios = [scopeSlug] },
            _ => state,
        };
    }
}
