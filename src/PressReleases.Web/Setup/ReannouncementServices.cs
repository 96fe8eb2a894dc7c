using PressReleases.Core.Reannouncements;
using PressReleases.Web.Following;

namespace PressReleases.Web.Setup;

public static class ReannouncementServices
{
    /// <summary>The store's re-announcement pairs, for release pages, the release API and <c>/reannouncements</c>.</summary>
    public static IHostApplicationBuilder AddPressReleaseReannouncements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReannouncementCatalog>();
        builder.Services.AddSingleton<ReannouncementLookup>();
        return builder;
    }
}
