using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>
/// Creates store contexts of the configured provider. The options are built once here and shared by every
/// context, so EF Core's per-options service provider is built once too.
/// </summary>
public sealed class StoreContextFactory : IDbContextFactory<PressReleasesDbContext>
{
    private readonly Func<PressReleasesDbContext> create;

    public StoreContextFactory(StoreLocation location)
    {
        Location = location;
        create = location.Provider switch
        {
            StoreProvider.Sqlite => SqliteStore.ContextFactory(location.ConnectionString),
            StoreProvider.PostgreSql => PostgreSqlStore.ContextFactory(location.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location.Provider, "Unknown store provider."),
        };
    }

    public StoreLocation Location { get; }

    public PressReleasesDbContext CreateDbContext() => create();
}
