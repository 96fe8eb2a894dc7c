using Microsoft.Extensions.DependencyInjection.Extensions;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Setup;

public static class IngestionServices
{
    /// <summary>The parser and the ingester, shared by the site and the <c>ingest</c> command.</summary>
    public static IServiceCollection AddPressReleaseIngestion(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ReleaseFileParser>();
        services.AddSingleton<Ingester>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The site's own startup work (store, index, ingest) and the readiness it reports. Kept apart from
    /// <see cref="AddPressReleaseIngestion"/> because the command-line verbs do that work themselves.
    /// </summary>
    public static IServiceCollection AddPressReleaseStartup(this IServiceCollection services)
    {
        services.AddSingleton<StartupState>();
        services.AddHostedService<StartupService>();
        return services;
    }
}
