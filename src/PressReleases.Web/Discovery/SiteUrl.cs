namespace PressReleases.Web.Discovery;

/// <summary>
/// Absolute addresses for documents read away from the site (sitemaps, robots.txt, OpenSearch, citations):
/// the scheme and host the request came in on, so every deployment names itself.
/// </summary>
public static class SiteUrl
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host.ToUriComponent()}";
}
