using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Discovery;

/// <summary>
/// <c>/sitemap.xml</c> is an index: the sitemap protocol allows 50,000 URLs a file and the corpus has more,
/// so the releases are split over <c>/sitemaps/releases-N.xml</c>, and the fixed pages, ministers and
/// portfolios are in <c>/sitemaps/pages.xml</c>.
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>The protocol's limit on URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>
    /// Configuration key for a smaller file size than the protocol's limit. Tests use it to see the split over
    /// several files without writing 50,001 releases.
    /// </summary>
    public const string UrlsPerFileKey = "PressReleases:SitemapUrlsPerFile";

    private const string ContentType = "application/xml; charset=utf-8";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly string[] FixedPages = ["/", .. NameKind.All.Select(kind => "/" + kind.Plural), "/help/search"];

    internal static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", IndexAsync).CacheUntilStoreChanges().WithStoreValidators();
        app.MapGet("/sitemaps/pages.xml", PagesAsync).CacheUntilStoreChanges().WithStoreValidators();
        app.MapGet("/sitemaps/releases-{file:int}.xml", ReleasesAsync).CacheUntilStoreChanges().WithStoreValidators();
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, StartupState startup, ReleaseCatalog catalog, IConfiguration configuration, CancellationToken ct)
    {
        await startup.WhenStoreReady.WaitAsync(ct);
        // The catalog's count is cached between store changes: crawlers may fetch the index often.
        var files = FileCount(await catalog.CountAsync(ct), UrlsPerFile(configuration));
        var site = SiteUrl.Base(context.Request);
        return new XmlResult(ContentType, async xml =>
        {
            await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
            await WriteSitemapAsync(xml, $"{site}/sitemaps/pages.xml");
            for (var file = 1; file <= files; file++)
            {
                await WriteSitemapAsync(xml, $"{site}/sitemaps/releases-{file.ToString(CultureInfo.InvariantCulture)}.xml");
            }

            await xml.WriteEndElementAsync();
        });
    }

    private static async Task<IResult> ReleasesAsync(
        int file, HttpContext context, StartupState startup, ReleaseCatalog catalog, IDbContextFactory<PressReleasesDbContext> store, IConfiguration configuration, CancellationToken ct)
    {
        await startup.WhenStoreReady.WaitAsync(ct);

        // The release lists are read from the store; while it is out of reach a crawler is asked to come back
        // (the pages themselves keep answering from the index).
        if (catalog.Availability.IsDown)
        {
            context.Response.Headers.RetryAfter = "120";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var perFile = UrlsPerFile(configuration);
        if (file < 1 || file > FileCount(await catalog.CountAsync(ct), perFile))
        {
            return Results.NotFound();
        }

        var site = SiteUrl.Base(context.Request);
        return new XmlResult(ContentType, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace);
            await foreach (var release in store.SitemapReleasesAsync(file, perFile, ct))
            {
                await WriteUrlAsync(xml, $"{site}/releases/{release.Slug}", release.Date);
            }

            await xml.WriteEndElementAsync();
        });
    }

    private static async Task<IResult> PagesAsync(HttpContext context, StartupState startup, ReleaseCatalog catalog, CancellationToken ct)
    {
        await startup.WhenStoreReady.WaitAsync(ct);
        var names = new List<(NameKind Kind, IReadOnlyList<NameSummary> Names)>();
        foreach (var kind in NameKind.All)
        {
            names.Add((kind, await catalog.ListAsync(kind, ct)));
        }

        var site = SiteUrl.Base(context.Request);
        return new XmlResult(ContentType, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace);
            foreach (var page in FixedPages)
            {
                await WriteUrlAsync(xml, site + page, null);
            }

            // A name's page changes when it gains a release, so its newest release date is its last change.
            foreach (var (kind, list) in names)
            {
                foreach (var name in list)
                {
                    await WriteUrlAsync(xml, site + ListingScope.For(kind, name.Slug).BasePath, name.LastDate);
                }
            }

            await xml.WriteEndElementAsync();
        });
    }

    /// <summary>At least one file, so the index never points at nothing while the store is still empty.</summary>
    private static int FileCount(int releases, int perFile) => Math.Max(1, (releases + perFile - 1) / perFile);

    private static int UrlsPerFile(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue(UrlsPerFileKey, MaxUrlsPerFile), 1, MaxUrlsPerFile);

    private static async Task WriteSitemapAsync(XmlWriter xml, string location)
    {
        await xml.WriteStartElementAsync(null, "sitemap", Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteUrlAsync(XmlWriter xml, string location, DateOnly? lastModified)
    {
        await xml.WriteStartElementAsync(null, "url", Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        if (lastModified is { } date)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await xml.WriteEndElementAsync();
    }
}
