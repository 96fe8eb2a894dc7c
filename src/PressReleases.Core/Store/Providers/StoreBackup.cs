using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>
/// A consistent copy of the SQLite store into a new file, while the site may be serving and ingesting
/// (<see cref="SqliteBackup"/>). PostgreSQL has its own tools (pg_dump), which this leaves it to.
/// </summary>
public static class StoreBackup
{
    public static async Task WriteAsync(StoreLocation store, string destination, CancellationToken cancellationToken)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            throw new StoreException($"{store.Description} is backed up with PostgreSQL's own tools, e.g. pg_dump -Fc (docs/operations.md).");
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

        await SqliteBackup.WriteAsync(store.ConnectionString, store.Description, target, cancellationToken);
    }
}
