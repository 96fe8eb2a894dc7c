using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.Reliability;

/// <summary>
/// The ways an index folder is found damaged after a crash or a bad disk: each must open (never throw)
/// and say whether it needs rebuilding from the store, so the site can start and repair it.
/// </summary>
public sealed class IndexDamageTests
{
    private const int Documents = 30;

    [Fact]
    public async Task TruncatedSegmentFile_OpensEmpty_AndAsksForARebuild()
    {
        using var temp = new TempDirectory();
        var path = await BuildIndexAsync(temp);
        var largest = LargestSegmentFile(path);
        using (var stream = new FileStream(largest, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.True(index.NeedsRebuild, $"Truncating {Path.GetFileName(largest)} was not detected.");
        Assert.Equal(0, index.DocumentCount);
        Assert.Equal(0, index.CommittedChangeSeq);

        // The recreated index works: it takes documents and commits them.
        using (var session = await index.BeginWriteAsync())
        {
            session.Upsert(Release(1));
            session.Commit(7);
        }

        Assert.Equal(1, index.DocumentCount);
    }

    [Fact]
    public async Task GarbageInASegmentFileHeader_OpensEmpty_AndAsksForARebuild()
    {
        using var temp = new TempDirectory();
        var path = await BuildIndexAsync(temp);
        var largest = LargestSegmentFile(path);
        using (var stream = new FileStream(largest, FileMode.Open, FileAccess.Write))
        {
            stream.Write(new byte[64]);
        }

        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.True(index.NeedsRebuild, $"Zeroing the header of {Path.GetFileName(largest)} was not detected.");
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public async Task StaleWriteLockLeftByAKilledProcess_NeitherBlocksNorWipesTheIndex()
    {
        using var temp = new TempDirectory();
        var path = await BuildIndexAsync(temp);

        // A killed writer leaves its lock files behind; nothing holds them any more.
        File.WriteAllBytes(Path.Combine(path, "write.lock"), []);
        File.WriteAllBytes(path + ".lock", []);

        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.False(index.NeedsRebuild);
        Assert.Equal(Documents, index.DocumentCount);
        Assert.Equal(Documents, index.CommittedChangeSeq);
    }

    [Fact]
    public async Task DeletedIndexFolder_OpensEmpty_AndAsksForARebuild()
    {
        using var temp = new TempDirectory();
        var path = await BuildIndexAsync(temp);
        Directory.Delete(path, recursive: true);

        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.DocumentCount);
    }

    private static IndexedRelease Release(int id) =>
        new(id, $"release-{id}", $"Release number {id} about harbours", new DateOnly(2020, 1, 1 + (id % 28)),
            $"https://www.beehive.govt.nz/release/release-{id}", $"The body of release {id} talks about harbours and ferries at length.", ["jane-doe"], ["transport"]);

    /// <summary>A committed index of <see cref="Documents"/> releases, closed again.</summary>
    private static async Task<string> BuildIndexAsync(TempDirectory temp)
    {
        var path = Path.Combine(temp.Path, "index");
        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        using var session = await index.BeginWriteAsync();
        for (var id = 1; id <= Documents; id++)
        {
            session.Upsert(Release(id));
        }

        session.Commit(Documents);
        return path;
    }

    /// <summary>The biggest file of the last commit other than the commit point itself: the segment data.</summary>
    private static string LargestSegmentFile(string indexPath) =>
        new DirectoryInfo(indexPath).EnumerateFiles()
            .Where(f => !f.Name.StartsWith("segments", StringComparison.Ordinal) && f.Name != "write.lock")
            .OrderByDescending(f => f.Length)
            .First().FullName;
}
