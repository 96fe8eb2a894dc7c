namespace PressReleases.Web.Discovery;

/// <summary>Sitemaps, robots.txt and the OpenSearch description, mapped together as one concern.</summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapPressReleaseDiscovery(this IEndpointRouteBuilder app) => app.MapSitemaps().MapRobotsAndOpenSearch();
}
