using System.Formats.Tar;
using System.Text;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// A snapshot holds its commit's files through later commits and merges and lets them go when disposed; its tar
/// unpacks into an index that opens with the same commit; a folder of anything else is refused.
/// </summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string IndexPath => Path.Combine(temp.Path, "index");

    private static IndexedRelease Release(int id, string title) =>
        new(id, $"slug-{id}", title, new DateOnly(2020, 1, 1).AddDays(id), $"https://www.beehive.govt.nz/release/slug-{id}", $"Body of {title}.", ["john-key"], ["finance"]);

    [Fact]
    public void NewIndex_HasNoSnapshotToGive()
    {
        using var index = new SearchIndex(IndexPath, new ReleaseAnalyzer());

        Assert.Null(index.TakeSnapshot());
        Assert.False(IndexSnapshotFolder.HoldsUsableIndex(IndexPath));
    }

    [Fact]
    public async Task HeldCommit_OutlivesLaterCommitsAndMerges_UntilReleased()
    {
        using var index = new SearchIndex(IndexPath, new ReleaseAnalyzer());
        using (var adopting = await index.BeginWriteAsync())
        {
            adopting.AdoptStore("0123456789abcdef0123456789abcdef");
        }

        await index.CommitAsync(10, Release(1, "One"), Release(2, "Two"));
        await index.CommitAsync(11, Release(3, "Three"));

        var snapshot = index.TakeSnapshot();
        Assert.NotNull(snapshot);
        Assert.Equal(11, snapshot.ChangeSeq);
        Assert.Equal(1, index.HeldSnapshots);
        Assert.StartsWith("segments_", snapshot.FileNames[^1], StringComparison.Ordinal);

        // Later changes, merged into one segment: the held commit's files are no longer the index's.
        using (var session = await index.BeginWriteAsync())
        {
            session.Upsert(Release(4, "Four"));
            session.Delete(1);
            session.Commit(12);
            Assert.True(session.MergeIfSplit());
            session.Commit(12);
        }

        Assert.All(snapshot.FileNames, name => Assert.True(File.Exists(Path.Combine(IndexPath, name)), $"{name} was deleted while held"));
        var copy = await CopyAsync(snapshot);
        // The copy says which store the index was built from, so a node of another store can refuse it.
        Assert.Equal(new IndexSnapshotContents(11, 3, copy.Bytes, "0123456789abcdef0123456789abcdef"), IndexSnapshotFolder.Validate(copy.Folder, copy.Bytes));

        snapshot.Dispose();
        snapshot.Dispose();

        Assert.Equal(0, index.HeldSnapshots);
        Assert.Contains(snapshot.FileNames, name => !File.Exists(Path.Combine(IndexPath, name)));
    }

    [Fact]
    public async Task MoveIntoPlace_ReplacesTheIndexFolder_WithTheCopy()
    {
        string from;
        using (var index = new SearchIndex(IndexPath, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(5, Release(1, "One"));
            using var snapshot = index.TakeSnapshot()!;
            from = (await CopyAsync(snapshot)).Folder;
        }

        var other = Path.Combine(temp.Path, "other-index");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "junk"), "not an index");
        Assert.False(IndexSnapshotFolder.HoldsUsableIndex(other));

        IndexSnapshotFolder.MoveIntoPlace(from, other);

        Assert.True(IndexSnapshotFolder.HoldsUsableIndex(other));
        Assert.False(Directory.Exists(from));
        using var opened = new SearchIndex(other, new ReleaseAnalyzer());
        Assert.Equal((false, 5L, 1), (opened.NeedsRebuild, opened.CommittedChangeSeq, opened.DocumentCount));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("sub/file")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public async Task Extract_RefusesAnythingButPlainFileNames(string name)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("x")) });
        }

        tar.Position = 0;
        var folder = Path.Combine(temp.Path, "extracted");

        await Assert.ThrowsAsync<IndexSnapshotException>(() => IndexSnapshotFolder.ExtractAsync(tar, folder, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(temp.Path, "escape")));
    }

    [Fact]
    public async Task Extract_RefusesFoldersAndLinks()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "segments_1") { LinkName = "/etc/passwd" });
        }

        tar.Position = 0;

        await Assert.ThrowsAsync<IndexSnapshotException>(() => IndexSnapshotFolder.ExtractAsync(tar, Path.Combine(temp.Path, "extracted"), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_RefusesAFolderThatIsNotAnIndex()
    {
        var folder = Path.Combine(temp.Path, "not-an-index");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "segments_1"), "not an index");

        Assert.Throws<IndexSnapshotException>(() => IndexSnapshotFolder.Validate(folder, 12));
    }

    private async Task<(string Folder, long Bytes)> CopyAsync(IndexSnapshot snapshot)
    {
        using var tar = new MemoryStream();
        await snapshot.WriteTarAsync(tar, CancellationToken.None);
        tar.Position = 0;
        var folder = Path.Combine(temp.Path, "copy-" + Guid.NewGuid().ToString("N"));
        return (folder, await IndexSnapshotFolder.ExtractAsync(tar, folder, CancellationToken.None));
    }
}
