namespace PressReleases.Web.Listing;

/// <summary>
/// The feed and export links of a listing, for its current state. A minister's or portfolio's page keeps
/// its scope in the path; the feed and exports take it as a filter instead, so the same state reads alike
/// on every surface.
/// </summary>
public static class ListingLinks
{
    /// <summary>The Atom feed of a listing (served by Feeds/FeedEndpoint).</summary>
    public const string FeedPath = "/feeds/releases.atom";

    /// <summary>The exports of a listing's whole result set (served by Api/ExportsApi).</summary>
    public const string CsvPath = "/api/releases.csv";

    public const string NdjsonPath = "/api/releases.ndjson";

    /// <summary>The trend of a listing: its releases counted per year or month (served by Pages/Trends).</summary>
    public const string TrendPath = "/trends";

    /// <summary>The feed of this listing: newest first always, so the order is not part of its URL.</summary>
    public static string Feed(ListingView list) => ListingParameters.Link(FeedPath, list.State.Search, ListingSurface.Feed);

    /// <summary>Every release of this listing as CSV: its words, filters and order, never a page.</summary>
    public static string Csv(ListingView list) => ListingParameters.Link(CsvPath, list.State.Search, ListingSurface.Export);

    public static string Ndjson(ListingView list) => ListingParameters.Link(NdjsonPath, list.State.Search, ListingSurface.Export);

    /// <summary>The trend of this listing's words, names and dates.</summary>
    public static string Trend(ListingView list) => ListingParameters.Link(TrendPath, list.State.Search, ListingSurface.Trend);

    public static string Title(ListingView list) => ListingTitle.For(list.State.Search, list.NameOf);
}
