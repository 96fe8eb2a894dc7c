using Microsoft.Data.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>
/// A consistent copy of the SQLite store while the site may be serving and ingesting: <c>VACUUM INTO</c> reads the
/// store inside one read transaction and writes a compacted, self-contained file (no WAL beside it). A file copy of
/// a live database can be torn, and misses what is still in its WAL. PostgreSQL has its own tools (pg_dump).
/// </summary>
public static class StoreBackup
{
    public static async Task WriteAsync(StoreLocation store, string destination, CancellationToken cancellationToken)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            throw new StoreException($"{store.Description} is backed up with PostgreSQL's own tools, e.g. pg_dump -Fc (docs/operations.md).");
        }

        var source = new SqliteConnectionStringBuilder(store.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new StoreException($"There is no store to back up: {store.Description} does not exist.");
        }

        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new StoreException($"The backup '{target}' already exists; a backup never overwrites a file.");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new StoreException($"The folder for the backup '{target}' does not exist.");
        }

        await using var connection = new SqliteConnection(source.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            // Half a backup is no backup: leave nothing that could be taken for one.
            File.Delete(target);
            throw new StoreException($"Backing up {store.Description} to '{target}' failed: {StoreException.OneLine(ex)}", ex);
        }
    }
}
