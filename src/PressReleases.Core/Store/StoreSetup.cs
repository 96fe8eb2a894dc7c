using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>Configures the SQLite provider and brings the store's schema up to date.</summary>
public static class StoreSetup
{
    public static DbContextOptionsBuilder UseSqliteStore(this DbContextOptionsBuilder options, DataDirectory data) =>
        options.UseSqlite(data.SqliteConnectionString, sqlite => sqlite.CommandTimeout(120))
               .AddInterceptors(new SqliteConnectionTuning());

    public static DbContextOptions<PressReleasesDbContext> SqliteOptions(DataDirectory data)
    {
        var builder = new DbContextOptionsBuilder<PressReleasesDbContext>();
        builder.UseSqliteStore(data);
        return builder.Options;
    }

    /// <summary>
    /// Applies migrations and switches the file to WAL so readers never wait for the ingest writer.
    /// A file that is not a SQLite database (or is damaged) fails here with a message naming it,
    /// before anything could write to it.
    /// </summary>
    public static async Task InitializeAsync(PressReleasesDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }

            // Migrating also compares the model with the last migration's snapshot, which costs most of a
            // second at every start; a store that is up to date (the usual case) needs only the history read.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                using var migrating = db.Database.IsSqlite() ? await MigrationLock.AcquireAsync(db.Database.GetDbConnection().DataSource, cancellationToken) : null;
                if (migrating is not null)
                {
                    await MigrationLock.ClearStaleRowAsync(db, cancellationToken);
                }

                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (SqliteException ex)
        {
            var source = db.Database.GetDbConnection().DataSource;
            throw new StoreException($"The store '{source}' cannot be opened: {ex.Message} It may be damaged or not a PressReleases database; nothing was written to it.", ex);
        }
    }
}

public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
