using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Web.Setup;

public static class StoreServices
{
    /// <summary>
    /// The data directory, where the store is (<see cref="StoreOptions"/>) and a context factory over it. The schema
    /// is brought up to date at startup, not here; a malformed connection string fails there, in one line.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new DataDirectory(sp.GetPressReleasesOptions().DataDirectoryPath()));
        builder.Services.AddSingleton(sp => sp.GetStoreOptions() switch
        {
            { Provider: StoreProvider.PostgreSql } store => StoreLocation.PostgreSql(store.ConnectionString!),
            _ => StoreLocation.Sqlite(sp.GetRequiredService<DataDirectory>()),
        });
        builder.Services.AddSingleton<IDbContextFactory<PressReleasesDbContext>>(sp => new StoreContextFactory(sp.GetRequiredService<StoreLocation>()));
        builder.Services.AddSingleton(sp => new StoreAvailability(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
