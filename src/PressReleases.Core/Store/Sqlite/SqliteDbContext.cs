using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>The store in a SQLite file; its migrations are in Migrations/ beside it, its compiled model in CompiledModel/.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PressReleasesDbContext(options)
{
    public override bool IsUnavailable(Exception exception) => StoreException.Chain(exception).Any(SqliteStore.IsUnavailable);

    /// <summary>
    /// SQLite gives each INSERT … RETURNING a statement journal (a temporary file holding the original of every page the
    /// statement changes, about 50 KB per release), which for a cold ingest of the real corpus was 2.8 GB written and
    /// deleted again; last_insert_rowid() in the same command answers the same key with none.
    /// </summary>
    internal override string InsertedKeyClause(string keyColumn) => "; SELECT last_insert_rowid()";
}
