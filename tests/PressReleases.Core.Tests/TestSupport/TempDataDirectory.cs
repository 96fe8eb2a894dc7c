using Microsoft.Data.Sqlite;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>A unique folder under the system temp folder, deleted (with everything in it) on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pressreleases-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A sub-folder of this directory (created), e.g. for release files to ingest.</summary>
    public string Sub(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep the database files open; close them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection of another test: the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
