namespace PressReleases.Core.Store;

/// <summary>Where one installation keeps its Lucene index, and with the SQLite provider its store.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "pressreleases.db");

    public string IndexPath => Path.Combine(Root, "index");

    /// <summary>Creates the folder and proves it is writable, so a bad setting fails early with a clear message.</summary>
    public void EnsureWritable()
    {
        try
        {
            Directory.CreateDirectory(Root);
            var probe = Path.Combine(Root, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException($"The data directory '{Root}' is not writable: {ex.Message}", ex);
        }
    }
}

public sealed class DataDirectoryException(string message, Exception? inner = null) : Exception(message, inner);
