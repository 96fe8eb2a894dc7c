using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>
/// PostgreSQL's LISTEN/NOTIFY carries "the store changed" from the ingester to every node at once. The payload
/// is the change sequence, for the logs; nodes read what changed from the store itself.
/// </summary>
internal static class PostgreSqlChangeNotifications
{
    public const string Channel = "pressreleases_changes";

    /// <summary>Queues the notification in the current transaction: the server delivers it when (and only if) it commits.</summary>
    public static Task NotifyAsync(PostgreSqlDbContext db, long changeSeq, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', {{0}})", [changeSeq.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>Starts listening on a connection of its own, reconnecting with back-off while the server is away.</summary>
    public static IStoreChangeSignal Listen(string connectionString, ILogger logger) => new Listener(connectionString, logger);

    private sealed class Listener : IStoreChangeSignal
    {
        private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

        // At most one pending wake-up: several notifications before a wait still mean "look once".
        private readonly SemaphoreSlim changed = new(0, 1);
        private readonly CancellationTokenSource stopping = new();
        private readonly string connectionString;
        private readonly ILogger logger;
        private readonly Task listening;

        public Listener(string connectionString, ILogger logger)
        {
            // A session of its own, never pooled: LISTEN belongs to it, and the keep-alive notices a dead server.
            this.connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
            this.logger = logger;
            listening = Task.Run(ListenAsync);
        }

        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            await changed.WaitAsync(timeout, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            try
            {
                await listening;
            }
            catch (OperationCanceledException)
            {
                // Stopped, as asked.
            }

            stopping.Dispose();
        }

        private void Wake()
        {
            if (changed.CurrentCount == 0)
            {
                try
                {
                    changed.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another wake-up got there first: one is enough.
                }
            }
        }

        private async Task ListenAsync()
        {
            var retry = FirstRetry;
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    connection.Notification += (_, _) => Wake();
                    await connection.OpenAsync(stopping.Token);
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stopping.Token);
                    }

                    // Changes made while no one listened were not signalled: look once now.
                    Wake();
                    retry = FirstRetry;
                    while (true)
                    {
                        await connection.WaitAsync(stopping.Token);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or System.Net.Sockets.SocketException)
                {
                    // The listening session is the first to hear a server go down or restart, and every pooled
                    // session of this process went with it: drop them, so the next use connects afresh.
                    PostgreSqlStore.ForgetPooledSessions();
                    logger.LogWarning("Not listening for store changes ({Error}); polling only, trying again in {Seconds:0} s", StoreException.OneLine(ex), retry.TotalSeconds);
                    await Task.Delay(retry, stopping.Token);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                }
            }
        }
    }
}
