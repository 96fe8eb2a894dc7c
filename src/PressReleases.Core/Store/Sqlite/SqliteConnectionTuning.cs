using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing, and in WAL mode
/// synchronous=NORMAL keeps commits durable against process crashes at a fraction of the fsync cost.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
