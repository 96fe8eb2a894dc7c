using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>The PostgreSQL provider's configuration, schema setup and failures.</summary>
internal static class PostgreSqlStore
{
    /// <summary>Shown in <c>pg_stat_activity</c> (and so in "who holds the ingest lock") unless the connection string names another.</summary>
    public const string ApplicationName = "PressReleases";

    /// <summary>The migration lock's key: "PRMIGRAT" read as a number, recognisable in <c>pg_locks</c> like <see cref="PostgreSqlIngestLock.Key"/>.</summary>
    public const long MigrationLockKey = 0x5052_4D49_4752_4154;

    /// <summary>
    /// Checks the connection string's syntax without connecting, and describes it for messages (server and database,
    /// never the password). A malformed string is a one-line <see cref="StoreException"/>.
    /// </summary>
    public static (string ConnectionString, string Description) ParseConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StoreException("The PostgreSQL store needs a connection string (PressReleases:Store:ConnectionString), for example \"Host=db;Database=pressreleases;Username=pressreleases;Password=...\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new StoreException($"The PostgreSQL connection string (PressReleases:Store:ConnectionString) is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException("The PostgreSQL connection string (PressReleases:Store:ConnectionString) names no Host.");
        }

        if (string.IsNullOrWhiteSpace(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        var database = string.IsNullOrWhiteSpace(builder.Database) ? builder.Username : builder.Database;
        return (builder.ConnectionString, $"the PostgreSQL database '{database}' on {builder.Host}:{builder.Port}");
    }

    public static Func<PressReleasesDbContext> ContextFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(120))
            .ConfigureWarnings(StoreContextPool.SkipPendingModelCheck)
            .Options;
        var pool = new PooledDbContextFactory<PostgreSqlDbContext>(options, StoreContextPool.Size);
        return pool.CreateDbContext;
    }

    /// <summary>
    /// Creates the database when the server lacks it and applies migrations, under a lock of our own so that nodes that
    /// start together migrate once. An unreachable server, a refused login or a missing database that may not be
    /// created fails here with a one-line <see cref="StoreException"/>.
    /// </summary>
    public static async Task InitializeAsync(PostgreSqlDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                try
                {
                    await creator.CreateAsync(cancellationToken);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another node created it first.
                }
            }

            // EF Core's own migration lock is a table lock that ends with each migration's transaction, and EF reads
            // which migrations are applied once, before the first: of two nodes starting with two migrations pending,
            // both could apply the second ("column ... already exists"). This session-level advisory lock, held from
            // the check to the last migration, makes a node that waited find nothing left to do. Closing the session
            // (not pooled) releases it.
            var connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
            await using var migrationLock = new NpgsqlConnection(connectionString);
            await migrationLock.OpenAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", migrationLock))
            {
                command.Parameters.AddWithValue("key", MigrationLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            var (_, description) = ParseConnectionString(db.Database.GetConnectionString()!);
            throw new StoreException($"The store ({description}) cannot be used: {StoreException.OneLine(ex)}", ex);
        }
    }

    /// <summary>
    /// True when the server could not be reached or went away (refused, timed out, shut down, out of connections):
    /// a failure that passes when the server is back, unlike an error in a statement.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        SocketException => true,
        _ => false,
    };

    /// <summary>
    /// Drops this process's idle pooled sessions. A server that restarted has ended them all, and each would
    /// otherwise fail once more ("terminating connection due to administrator command") when next borrowed, so
    /// whoever finds the store away calls this, and the next use connects afresh.
    /// </summary>
    public static void ForgetPooledSessions() => NpgsqlConnection.ClearAllPools();

    /// <summary>Failures of connecting at all, including a refused login or a database that may not be created.</summary>
    private static bool IsConnectionFailure(Exception ex) =>
        StoreException.Chain(ex).Any(e => e is NpgsqlException or SocketException or TimeoutException);
}
