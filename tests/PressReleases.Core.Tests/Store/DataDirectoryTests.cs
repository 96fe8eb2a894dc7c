using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Core.Tests.Store;

public sealed class DataDirectoryTests
{
    [Fact]
    public void PlacesTheStoreAndIndexInsideItsRoot()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "a", "..", "data"));
        Assert.Equal(Path.Combine(temp.Path, "data"), data.Root);
        Assert.Equal(Path.Combine(data.Root, "pressreleases.db"), data.DatabasePath);
        Assert.Equal(Path.Combine(data.Root, "index"), data.IndexPath);
        Assert.Contains(data.DatabasePath, StoreLocation.Sqlite(data).ConnectionString);
    }

    [Fact]
    public void EnsureWritable_CreatesTheFolderAndLeavesNoProbe()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "nested", "data"));

        data.EnsureWritable();

        Assert.True(Directory.Exists(data.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Root));
    }

    [Fact]
    public void EnsureWritable_FailsClearlyWhereNoFolderCanBe()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "x");
        var data = new DataDirectory(Path.Combine(file, "data"));

        var error = Assert.Throws<DataDirectoryException>(data.EnsureWritable);
        Assert.Contains(data.Root, error.Message);
    }
}
