using PressReleases.Core.Ingestion;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

public class ReleaseFilesTests
{
    [Fact]
    public void Enumerate_FindsMarkdownRecursivelyInOrdinalOrderAndSkipsFolderDescriptions()
    {
        using var temp = new TempDirectory();
        var folder = new SourceFolder(temp.Sub("source"));
        string[] releases = ["2020/03/b.md", "2020/03/a.md", "2014/07/z.md", "B.md", "a.MD"];
        foreach (var path in releases)
        {
            folder.WriteRaw(path, "x");
        }

        folder.WriteRaw("SOURCE.md", "about");
        folder.WriteRaw("LICENSE.md", "licence");
        folder.WriteRaw("2020/readme.md", "readme");
        folder.WriteRaw("notes.txt", "not markdown");
        folder.WriteRaw("2020/03/a.md.bak", "backup");

        var found = ReleaseFiles.Enumerate(folder.Path);

        var expected = releases.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, found.Select(f => f.RelativePath));
        Assert.All(found, f => Assert.Equal(folder.FullPath(f.RelativePath), f.FullPath));
    }

    [Fact]
    public void Enumerate_DoesNotFollowSymbolicLinks()
    {
        using var temp = new TempDirectory();
        var folder = new SourceFolder(temp.Sub("source"));
        folder.WriteRaw("sub/a.md", "x");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);

        var found = ReleaseFiles.Enumerate(folder.Path);

        Assert.Equal(["sub/a.md"], found.Select(f => f.RelativePath));
    }
}
