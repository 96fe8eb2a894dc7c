using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>Telling a store that is away from a statement that failed.</summary>
public static class StoreErrors
{
    /// <summary>
    /// True when the store cannot be reached now (a server down or restarting, a refused connection, a timeout):
    /// readers may fall back to what they hold and writers may retry later. False for any other failure.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        StoreException.Chain(exception).Any(e => PostgreSqlStore.IsUnavailable(e) || SqliteStore.IsUnavailable(e));
}
