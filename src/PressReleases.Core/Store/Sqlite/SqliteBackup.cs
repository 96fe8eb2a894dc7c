using Microsoft.Data.Sqlite;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>
/// <c>VACUUM INTO</c>: reads the store inside one read transaction, so the copy is consistent while the site serves
/// and an ingest writes, and writes a compacted, self-contained file (no WAL beside it). A file copy of a live
/// database can be torn, and misses what is still in its WAL.
/// </summary>
internal static class SqliteBackup
{
    public static async Task WriteAsync(string connectionString, string description, string target, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new StoreException($"There is no store to back up: {description} does not exist.");
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
            throw new StoreException($"Backing up {description} to '{target}' failed: {StoreException.OneLine(ex)}", ex);
        }
    }
}
