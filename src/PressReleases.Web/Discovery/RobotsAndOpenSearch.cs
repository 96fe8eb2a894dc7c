using PressReleases.Web.Caching;

namespace PressReleases.Web.Discovery;

/// <summary><c>/robots.txt</c> and <c>/opensearch.xml</c>: how crawlers and browsers find their way in.</summary>
public static class RobotsAndOpenSearch
{
    private const string OpenSearchNamespace = "http://a9.com/-/spec/opensearch/1.1/";

    internal static IEndpointRouteBuilder MapRobotsAndOpenSearch(this IEndpointRouteBuilder app)
    {
        // The same for every visitor on one host: served from the output cache (emptied, like everything cached, when the store changes).
        app.MapGet("/robots.txt", Robots).CacheUntilStoreChanges();
        app.MapGet("/opensearch.xml", OpenSearch).CacheUntilStoreChanges();
        return app;
    }

    /// <summary>
    /// Everything may be crawled except the bulk exports: they repeat the whole corpus in one response, which
    /// helps no search engine and costs the site the most to serve.
    /// </summary>
    private static IResult Robots(HttpContext context)
    {
        var text = $"""
            User-agent: *
            Allow: /
            Disallow: /api/releases.csv
            Disallow: /api/releases.ndjson

            Sitemap: {SiteUrl.Base(context.Request)}/sitemap.xml

            """;
        return Results.Text(text.ReplaceLineEndings("\n"), "text/plain; charset=utf-8");
    }

    private static IResult OpenSearch(HttpContext context)
    {
        var site = SiteUrl.Base(context.Request);
        return new XmlResult("application/opensearchdescription+xml; charset=utf-8", async xml =>
        {
            await xml.WriteStartElementAsync(null, "OpenSearchDescription", OpenSearchNamespace);
            await xml.WriteElementStringAsync(null, "ShortName", OpenSearchNamespace, "PressReleases");
            await xml.WriteElementStringAsync(null, "Description", OpenSearchNamespace, "Search New Zealand government press releases from beehive.govt.nz, 1996 to today.");
            await xml.WriteElementStringAsync(null, "InputEncoding", OpenSearchNamespace, "UTF-8");
            await xml.WriteElementStringAsync(null, "OutputEncoding", OpenSearchNamespace, "UTF-8");
            await xml.WriteElementStringAsync(null, "Language", OpenSearchNamespace, "en-NZ");
            await WriteUrlAsync(xml, "text/html", $"{site}/releases?q={{searchTerms}}", null);
            await WriteUrlAsync(xml, "application/atom+xml", $"{site}/feeds/releases.atom?q={{searchTerms}}", null);
            await WriteUrlAsync(xml, "application/opensearchdescription+xml", $"{site}/opensearch.xml", "self");
            await xml.WriteEndElementAsync();
        });
    }

    private static async Task WriteUrlAsync(System.Xml.XmlWriter xml, string type, string template, string? rel)
    {
        await xml.WriteStartElementAsync(null, "Url", OpenSearchNamespace);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        if (rel is not null)
        {
            await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        }

        await xml.WriteAttributeStringAsync(null, "template", null, template);
        await xml.WriteEndElementAsync();
    }
}
