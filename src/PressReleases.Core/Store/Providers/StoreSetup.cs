using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>Brings the store's schema up to date, whichever provider holds it.</summary>
public static class StoreSetup
{
    /// <summary>
    /// Applies pending migrations. A store that cannot be opened or reached fails here with a one-line
    /// <see cref="StoreException"/> naming it (never its password), before anything could write to it.
    /// </summary>
    public static Task InitializeAsync(PressReleasesDbContext db, CancellationToken cancellationToken = default) => db switch
    {
        SqliteDbContext sqlite => SqliteStore.InitializeAsync(sqlite, cancellationToken),
        PostgreSqlDbContext postgres => PostgreSqlStore.InitializeAsync(postgres, cancellationToken),
        _ => throw new ArgumentException($"No setup for {db.GetType().Name}.", nameof(db)),
    };
}
