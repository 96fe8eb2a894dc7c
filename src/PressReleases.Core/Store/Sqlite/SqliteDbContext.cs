using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>The store in a SQLite file; its migrations are in Migrations/ beside it, its compiled model in CompiledModel/.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PressReleasesDbContext(options)
{
    public override bool IsUnavailable(Exception exception) => StoreException.Chain(exception).Any(SqliteStore.IsUnavailable);
}
