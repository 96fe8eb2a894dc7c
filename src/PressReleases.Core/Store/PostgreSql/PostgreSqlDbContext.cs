using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>The store on a PostgreSQL server; its migrations are in Migrations/ beside it.</summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : PressReleasesDbContext(options)
{
    /// <inheritdoc/>
    /// <remarks>Finding the store away also drops the pooled sessions (<see cref="PostgreSqlStore.ForgetPooledSessions"/>).</remarks>
    public override bool IsUnavailable(Exception exception)
    {
        var unavailable = StoreException.Chain(exception).Any(PostgreSqlStore.IsUnavailable);
        if (unavailable)
        {
            PostgreSqlStore.ForgetPooledSessions();
        }

        return unavailable;
    }
}
