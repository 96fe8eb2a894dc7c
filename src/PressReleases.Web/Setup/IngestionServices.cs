using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressReleases.Core.Hosting;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Ingest;
using PressReleases.Web.Maintenance;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Setup;

public static class IngestionServices
{
    /// <summary>
    /// The parser and the ingester, shared by the site and the <c>ingest</c> command. On a PostgreSQL store the
    /// command writes the store only (<see cref="IngestTarget"/>); the site, a node with an index of its own,
    /// overrides that in <see cref="AddPressReleaseStartup"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<ReleaseFileParser>();
        builder.Services.TryAddSingleton(sp => sp.GetStoreOptions().Provider == StoreProvider.PostgreSql ? IngestTarget.StoreOnly : IngestTarget.StoreAndIndex);
        builder.Services.AddSingleton(sp => new Ingester(
            sp.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>(),
            sp.GetRequiredService<IngestTarget>().UpdatesIndex ? sp.GetRequiredService<SearchIndex>() : null,
            sp.GetRequiredService<ReleaseFileParser>(),
            sp.GetRequiredService<ReleaseCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Ingester>>(),
            sp.GetService<IBulkWork>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The site's own startup work (store, index, then the source folder's ingest, and merging an index left split) and the readiness it reports. Kept apart from
    /// <see cref="AddPressReleaseIngestion"/> because the command-line verbs do that work themselves.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(IngestTarget.StoreAndIndex);
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService<SiteIngestService>();
        builder.Services.AddHostedService<SplitIndexMerger>();
        return builder;
    }
}
