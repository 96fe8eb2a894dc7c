using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>
/// Who may migrate a SQLite store. EF Core marks a migration in progress with a row in its
/// <c>__EFMigrationsLock</c> table and waits, without end, while that row exists; a process killed during a
/// migration leaves the row behind, and every later start then hung (found by the kill-and-resume test:
/// a kill during the very first migration). So migrations here run under an exclusive lock on a file beside
/// the store, which the operating system releases when its process dies: whoever holds it is the only
/// process migrating, and a row found in EF's table then belongs to a dead process and is removed.
/// </summary>
internal static class MigrationLock
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Takes the lock of the store at <paramref name="storePath"/>, waiting while another process migrates it.</summary>
    public static async Task<IDisposable> AcquireAsync(string storePath, CancellationToken cancellationToken)
    {
        var lockPath = storePath + ".migrating";
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (waited < Patience)
            {
                await Task.Delay(Poll, cancellationToken);
                waited += Poll;
            }
            catch (IOException ex)
            {
                throw new StoreException($"The store '{storePath}' is being migrated by another process (lock '{lockPath}' held for over {Patience.TotalSeconds:0} s).", ex);
            }
        }
    }

    /// <summary>Removes EF's migration lock row, left by a process that died migrating. Call only while holding <see cref="AcquireAsync"/>'s lock.</summary>
    public static async Task ClearStaleRowAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        var tableExists = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancellationToken);
        if (tableExists > 0)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", cancellationToken);
        }
    }
}
