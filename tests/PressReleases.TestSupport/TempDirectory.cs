using Microsoft.Data.Sqlite;

namespace PressReleases.TestSupport;

/// <summary>A fresh, uniquely named folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private const int DeleteAttempts = 3;

    /// <param name="purpose">Starts the folder's name, so a folder left behind says which test made it.</param>
    public TempDirectory(string purpose = "test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pressreleases-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A sub-folder of this directory (created if missing), e.g. for release files to ingest.</summary>
    public string Sub(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep database files open; close them first.
        SqliteConnection.ClearAllPools();

        // Lucene and a stopping host may still hold a file for a moment; a folder left over in temp is harmless.
        for (var attempt = 1; attempt <= DeleteAttempts; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt < DeleteAttempts)
                {
                    Thread.Sleep(100);
                }
            }
        }
    }
}
