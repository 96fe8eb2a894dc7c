using PressReleases.Web.Setup;

namespace PressReleases.Web.Discovery;

/// <summary>
/// The origin every absolute address starts with (feeds, sitemaps, robots.txt, OpenSearch, canonical and
/// OpenGraph links, citations, exports): <c>PressReleases:PublicBaseUrl</c> when set, so no request header can
/// reach one; otherwise the scheme the request came in on (a known proxy's <c>X-Forwarded-Proto</c> included)
/// and its <c>Host</c>, which host filtering has checked against <c>AllowedHosts</c>.
/// </summary>
public static class SiteUrl
{
    public static string Base(HttpRequest request) =>
        request.HttpContext.RequestServices.GetPressReleasesOptions().PublicOrigin()
        ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";
}
