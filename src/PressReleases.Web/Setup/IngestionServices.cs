using Microsoft.Extensions.DependencyInjection.Extensions;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Ingest;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Setup;

public static class IngestionServices
{
    /// <summary>The parser and the ingester, shared by the site and the <c>ingest</c> command.</summary>
    public static IHostApplicationBuilder AddPressReleaseIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<ReleaseFileParser>();
        builder.Services.AddSingleton<Ingester>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The site's own startup work (store, index, then the source folder's ingest) and the readiness it reports. Kept apart from
    /// <see cref="AddPressReleaseIngestion"/> because the command-line verbs do that work themselves.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService<SiteIngestService>();
        return builder;
    }
}
