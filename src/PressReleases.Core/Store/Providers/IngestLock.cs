using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>
/// Lets one ingest write the store at a time: two would both number their changes from the same latest change
/// sequence, and nodes following the store by that sequence would miss some. A second ingest waits for the first
/// to finish, saying once through <c>waiting</c> who it waits for.
/// </summary>
public static class IngestLock
{
    public static Task<IAsyncDisposable> AcquireAsync(PressReleasesDbContext db, Action<string> waiting, CancellationToken cancellationToken) => db switch
    {
        SqliteDbContext sqlite => SqliteIngestLock.AcquireAsync(sqlite.Database.GetDbConnection().DataSource, waiting, cancellationToken),
        PostgreSqlDbContext postgres => PostgreSqlIngestLock.AcquireAsync(
            postgres.Database.GetConnectionString()!, PostgreSqlStore.ParseConnectionString(postgres.Database.GetConnectionString()!).Description, waiting, cancellationToken),
        _ => throw new ArgumentException($"No ingest lock for {db.GetType().Name}.", nameof(db)),
    };
}
