using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>Telling a store that is away from a statement that failed.</summary>
public static class StoreErrors
{
    /// <summary>
    /// True when the store cannot be reached now (a server down or restarting, a refused connection, a timeout):
    /// readers may fall back to what they hold and writers may retry later. False for any other failure. A
    /// PostgreSQL store found away also loses this process's pooled sessions (<see cref="PostgreSqlStore.ForgetPooledSessions"/>),
    /// so the next try connects afresh.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        var chain = StoreException.Chain(exception).ToList();
        if (chain.Any(PostgreSqlStore.IsUnavailable))
        {
            PostgreSqlStore.ForgetPooledSessions();
            return true;
        }

        return chain.Any(SqliteStore.IsUnavailable);
    }
}
