using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>The SQLite provider's configuration, schema setup and failures.</summary>
internal static class SqliteStore
{
    /// <summary>
    /// The page size of a new store's file: 16 KB rather than SQLite's 4 KB. SQLite reads and writes a page at a time,
    /// through the write-ahead log and back into the file, so a cold ingest of the real corpus (a few KB of body and
    /// of HTML a release) made about 800,000 page writes with 4 KB pages; with 16 KB it spent about 1.3 s less system
    /// time and took about 0.7 s less (8 KB: half of that). The mixed load and the search pages, run alternately over
    /// stores of both sizes, were no slower (docs/performance.md, "Issue #18").
    /// </summary>
    internal const int PageSize = 16384;

    /// <summary>Built, not formatted, so a path with ';' or '=' in it stays one path.</summary>
    public static string ConnectionString(DataDirectory data) => new SqliteConnectionStringBuilder
    {
        DataSource = data.DatabasePath,
        Pooling = true,
    }.ToString();

    public static Func<PressReleasesDbContext> ContextFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(120))
            .ConfigureWarnings(StoreContextPool.SkipPendingModelCheck)
            .AddInterceptors(new SqliteConnectionTuning())
            .Options;
        var pool = new PooledDbContextFactory<SqliteDbContext>(options, StoreContextPool.Size);
        return pool.CreateDbContext;
    }

    /// <summary>
    /// Switches the file to WAL, so readers never wait for the ingest writer, and applies migrations. A file that
    /// is not a SQLite database (or is damaged) fails here with a message naming it, before anything writes to it.
    /// </summary>
    public static async Task InitializeAsync(SqliteDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // The page size takes only on a file with nothing in it yet (a store made before keeps its pages).
                await db.Database.ExecuteSqlRawAsync($"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            // A store that is up to date (the usual case) needs only the history read. Migrating would also compare
            // the model with the last migration's snapshot, were that check not left to the tests
            // (StoreContextPool.SkipPendingModelCheck).
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                using var migrating = await MigrationLock.AcquireAsync(db.Database.GetDbConnection().DataSource, cancellationToken);
                await MigrationLock.ClearStaleRowAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (SqliteException ex)
        {
            var source = db.Database.GetDbConnection().DataSource;
            throw new StoreException($"The store '{source}' cannot be opened: {ex.Message} It may be damaged or not a PressReleases database; nothing was written to it.", ex);
        }
    }

    /// <summary>True for failures of the file itself (gone, unreadable), which no retry of the statement fixes.</summary>
    public static bool IsUnavailable(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_IOERR };
}
