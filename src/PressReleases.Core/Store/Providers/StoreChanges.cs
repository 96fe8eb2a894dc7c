using Microsoft.Extensions.Logging;
using PressReleases.Core.Store.PostgreSql;

namespace PressReleases.Core.Store.Providers;

/// <summary>"The store changed", from the ingester to the nodes that follow it, on stores that can say so.</summary>
public static class StoreChanges
{
    /// <summary>
    /// Within the ingester's transaction: on PostgreSQL, a notification that every listening node receives when it
    /// commits; on SQLite nothing (one machine: the site polls its own file).
    /// </summary>
    public static Task NotifyAsync(PressReleasesDbContext db, long changeSeq, CancellationToken cancellationToken) =>
        db is PostgreSqlDbContext postgres ? PostgreSqlChangeNotifications.NotifyAsync(postgres, changeSeq, cancellationToken) : Task.CompletedTask;

    /// <summary>A signal that wakes a follower when the store at <paramref name="location"/> says it changed.</summary>
    public static IStoreChangeSignal Listen(StoreLocation location, ILogger logger) => location.Provider switch
    {
        StoreProvider.PostgreSql => PostgreSqlChangeNotifications.Listen(location.ConnectionString, logger),
        _ => new NoStoreChangeSignal(),
    };
}
