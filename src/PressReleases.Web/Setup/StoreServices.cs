using PressReleases.Core.Store;

namespace PressReleases.Web.Setup;

public static class StoreServices
{
    /// <summary>The data directory and a context factory over its SQLite file; the schema is brought up to date at startup, not here.</summary>
    public static IHostApplicationBuilder AddPressReleaseStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new DataDirectory(sp.GetPressReleasesOptions().DataDirectoryPath));
        builder.Services.AddDbContextFactory<PressReleasesDbContext>((sp, options) => options.UseSqliteStore(sp.GetRequiredService<DataDirectory>()));
        return builder;
    }
}
