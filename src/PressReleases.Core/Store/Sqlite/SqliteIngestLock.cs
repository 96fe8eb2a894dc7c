namespace PressReleases.Core.Store.Sqlite;

/// <summary>
/// One ingest at a time on a SQLite store: an exclusive lock on a file beside it, which the operating system
/// releases when its process dies, so a killed ingest never leaves the store locked.
/// </summary>
internal static class SqliteIngestLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<IAsyncDisposable> AcquireAsync(string storePath, Action<string> waiting, CancellationToken cancellationToken)
    {
        var lockPath = storePath + ".ingesting";
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                if (!announced)
                {
                    waiting($"another process is ingesting into the store '{storePath}' (it holds '{lockPath}')");
                    announced = true;
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
    }
}
