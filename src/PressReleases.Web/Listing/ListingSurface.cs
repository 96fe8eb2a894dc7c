namespace PressReleases.Web.Listing;

/// <summary>Where a listing is read from a URL: each surface takes some of the listing's parameters and ignores the rest.</summary>
[Flags]
public enum ListingSurface
{
    /// <summary>The pages (<c>/releases</c>, a minister's or portfolio's page): paging at the site's own size.</summary>
    Page = 1,

    /// <summary>GET /api/releases: every parameter, the page size and facet limit included.</summary>
    Api = 2,

    /// <summary>The CSV and NDJSON exports: the whole result set, so no paging.</summary>
    Export = 4,

    /// <summary>The Atom feed: always the newest first, one page.</summary>
    Feed = 8,

    /// <summary>The trend (<c>/trends</c>, its CSV and JSON): what is listed, counted per period, so no order or paging.</summary>
    Trend = 16,
}
