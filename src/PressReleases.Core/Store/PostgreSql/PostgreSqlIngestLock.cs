using Npgsql;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>
/// One ingest at a time on a PostgreSQL store, whichever machine it runs on: a session-level advisory lock, held
/// on a connection of its own for the whole run. The server releases it when that session ends, so an ingester
/// that is killed, or whose machine dies, never leaves the store locked.
/// </summary>
internal sealed class PostgreSqlIngestLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "PRINGEST" read as a number, so it is recognisable in <c>pg_locks</c> (classid 0x5052494E, objid 0x47455354).</summary>
    public const long Key = 0x5052_494E_4745_5354;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlConnection connection;

    private PostgreSqlIngestLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, string description, Action<string> waiting, CancellationToken cancellationToken)
    {
        // Not pooled: the lock belongs to the session, which must end when this lock does, not return to a pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var announced = false;
            while (!await TryLockAsync(connection, cancellationToken))
            {
                if (!announced)
                {
                    waiting($"another ingest is writing {description} ({await HolderAsync(connection, cancellationToken)})");
                    announced = true;
                }

                await Task.Delay(Poll, cancellationToken);
            }

            return new PostgreSqlIngestLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the session releases the lock; unlocking first keeps it short even if closing lingers.
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone already, and its lock with it.
        }

        await connection.DisposeAsync();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Who holds the lock, as the server knows them: application name, client address and since when.</summary>
    private static async Task<string> HolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT coalesce(nullif(a.application_name, ''), 'a client') || ' from ' || coalesce(host(a.client_addr), 'a local socket')
                   || ', process ' || a.pid || ', connected since ' || to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = (@key >> 32)::oid AND l.objid = (@key & 4294967295)::oid AND l.objsubid = 1
            LIMIT 1
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("key", Key);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "it has just finished";
    }
}
