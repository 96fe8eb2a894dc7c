using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>The store on a PostgreSQL server; its migrations are in Migrations/ beside it.</summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : PressReleasesDbContext(options)
{
    public override bool IsUnavailable(Exception exception) => StoreException.Chain(exception).Any(PostgreSqlStore.IsUnavailable);
}
