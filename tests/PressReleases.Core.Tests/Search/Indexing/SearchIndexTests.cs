using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

public class SearchIndexTests
{
    private static IndexedRelease Release(int id, string title) =>
        new(id, $"slug-{id}", title, new DateOnly(2020, 1, id), $"https://www.beehive.govt.nz/release/slug-{id}", $"Body of {title}.", ["john-key"], ["finance"]);

    [Fact]
    public void NewIndex_IsEmptyAndNeedsARebuild()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());

        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.CommittedChangeSeq);
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public async Task Commit_IsDurable_AndRecordsTheChangeSequence()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(42, Release(1, "One"), Release(2, "Two"));
            Assert.False(index.NeedsRebuild);
            Assert.Equal(42, index.CommittedChangeSeq);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(42, reopened.CommittedChangeSeq);
        Assert.Equal(2, reopened.DocumentCount);
    }

    [Fact]
    public async Task Upsert_ReplacesTheDocumentWithTheSameId_AndDeleteRemovesIt()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        using var session = await index.BeginWriteAsync();
        session.Upsert(Release(1, "One"));
        session.Upsert(Release(2, "Two"));
        session.Upsert(Release(1, "One again"));
        session.Refresh();
        Assert.Equal(2, index.DocumentCount);

        session.Delete(2);
        session.Refresh();
        Assert.Equal(1, index.DocumentCount);

        using (var lease = index.LeaseSearcher())
        {
            var top = lease.Searcher.Search(new Lucene.Net.Search.TermQuery(new Term(IndexFields.Id, IndexFields.IdTerm(1))), 10);
            Assert.Equal(1, top.TotalHits);
            Assert.Equal("One again", lease.Searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexFields.Title));
        }

        session.DeleteAll();
        session.Refresh();
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public async Task SecondWriter_WaitsUntilTheFirstSessionIsDisposed()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        var first = await index.BeginWriteAsync();

        var second = index.BeginWriteAsync();
        await Task.Delay(100);
        Assert.False(second.IsCompleted, "A second write session began while the first was open.");

        first.Dispose();
        using var began = await second.WaitAsync(TimeSpan.FromSeconds(10));
        began.Upsert(Release(1, "One"));
        began.Commit(1);
        Assert.Equal(1, index.DocumentCount);
    }

    [Fact]
    public async Task DisposedSession_RefusesEveryChange_AndDisposingItAgainLetsNoSecondWriterIn()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        var session = await index.BeginWriteAsync();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Upsert(Release(1, "One")));
        Assert.Throws<ObjectDisposedException>(() => session.Delete(1));
        Assert.Throws<ObjectDisposedException>(() => session.DeleteAll());
        Assert.Throws<ObjectDisposedException>(() => session.MergeIfSplit());
        Assert.Throws<ObjectDisposedException>(() => session.Commit(1));
        Assert.Throws<ObjectDisposedException>(() => session.Refresh());

        // A second dispose must not hand out a second turn: two writers would then be in at once.
        session.Dispose();
        using var next = await index.BeginWriteAsync();
        var another = index.BeginWriteAsync();
        await Task.Delay(100);
        Assert.False(another.IsCompleted, "Disposing a session twice let two writers in.");
        next.Dispose();
        (await another).Dispose();
    }

    [Fact]
    public void SearcherLease_HoldsItsReaderUntilDisposed_AndReturnsItOnce()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        using var probe = index.LeaseSearcher();
        var baseline = probe.Reader.RefCount;

        var lease = index.LeaseSearcher();
        Assert.Same(probe.Reader, lease.Reader);
        Assert.Equal(baseline + 1, probe.Reader.RefCount);

        lease.Dispose();
        lease.Dispose();
        Assert.Equal(baseline, probe.Reader.RefCount);
        Assert.Throws<ObjectDisposedException>(() => lease.Searcher);
    }

    [Fact]
    public async Task DeletedIndexFolder_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(7, Release(1, "One"));
        }

        System.IO.Directory.Delete(path, recursive: true);
        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());

        Assert.True(reopened.NeedsRebuild);
        Assert.Equal(0, reopened.CommittedChangeSeq);
        Assert.Equal(0, reopened.DocumentCount);
    }

    [Fact]
    public async Task CorruptSegmentsFile_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(7, Release(1, "One"));
        }

        var segments = System.IO.Directory.GetFiles(path, "segments_*");
        Assert.NotEmpty(segments);
        foreach (var file in segments)
        {
            File.WriteAllBytes(file, [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 37))]);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());

        Assert.True(reopened.NeedsRebuild);
        Assert.Equal(0, reopened.DocumentCount);

        // And it works as an index again.
        await reopened.CommitAsync(9, Release(3, "Three"));
        Assert.Equal(1, reopened.DocumentCount);
    }

    [Fact]
    public async Task TruncatedSegmentFile_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(7, Release(1, "One"));
        }

        var dataFiles = System.IO.Directory.GetFiles(path).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dataFiles);
        foreach (var file in dataFiles)
        {
            using var stream = new FileStream(file, FileMode.Open);
            stream.SetLength(stream.Length / 2);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());

        Assert.True(reopened.NeedsRebuild);
        Assert.Equal(0, reopened.DocumentCount);
    }

    [Fact]
    public void IndexOfAnotherSchemaVersion_IsEmptied_AndFlaggedForRebuild()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, new ReleaseAnalyzer())))
        {
            writer.AddDocument(new Document { new StringField(IndexFields.Id, "1", Field.Store.YES) });
            writer.SetCommitData(new Dictionary<string, string> { ["schemaVersion"] = (SearchIndex.SchemaVersion + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["changeSeq"] = "5" });
            writer.Commit();
        }

        using var index = new SearchIndex(path, new ReleaseAnalyzer());

        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.CommittedChangeSeq);
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void IndexInUse_FailsWithAClearMessage()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using var first = new SearchIndex(path, new ReleaseAnalyzer());

        var error = Assert.Throws<SearchIndexException>(() => new SearchIndex(path, new ReleaseAnalyzer()));
        Assert.Contains("in use", error.Message);
    }

    [Fact]
    public async Task IndexWhoseLuceneLockIsHeld_FailsWithAClearMessage_AndKeepsItsDocuments()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            await index.CommitAsync(3, Release(1, "One"));
        }

        // Another writer (a copy of the site without this project's sibling lock file) holds Lucene's own lock.
        using (var directory = FSDirectory.Open(path))
        using (new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, new ReleaseAnalyzer()) { OpenMode = OpenMode.APPEND }))
        {
            var error = Assert.Throws<SearchIndexException>(() => new SearchIndex(path, new ReleaseAnalyzer()));
            Assert.Contains("in use", error.Message);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(1, reopened.DocumentCount);
    }

    [Fact]
    public void Dispose_IsIdempotent()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        var index = new SearchIndex(path, new ReleaseAnalyzer());
        index.Dispose();
        index.Dispose();

        // The lock was released: the index opens again.
        using var again = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.True(again.NeedsRebuild);
    }

    [Fact]
    public void DateKeys_RoundTrip()
    {
        foreach (var date in new[] { new DateOnly(1996, 6, 17), new DateOnly(2026, 12, 31), new DateOnly(2000, 2, 29) })
        {
            Assert.Equal(date, IndexFields.FromDateKey(IndexFields.DateKey(date)));
            Assert.Equal(date.Year, IndexFields.DateKey(date) / 10000);
        }

        Assert.Null(IndexFields.FromDateKey(0));
    }

    [Fact]
    public async Task MergeIfSplit_MergesAnIndexInLargeParts_AndLeavesOneWithAFewNewReleasesAlone_AsIsSplitSays()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        using var session = await index.BeginWriteAsync();
        for (var id = 1; id <= 100; id++)
        {
            session.Upsert(Release(id % 28 + 1, $"Release number {id}") with { Id = id, Slug = $"slug-{id}" });
            if (id == 50)
            {
                session.Commit(1);
            }
        }

        session.Commit(2);
        Assert.Equal(2, Leaves(index));
        Assert.True(index.IsSplit);

        Assert.True(session.MergeIfSplit());
        session.Commit(3);
        Assert.Equal(1, Leaves(index));
        Assert.False(index.IsSplit);
        Assert.Equal(100, index.DocumentCount);

        session.Upsert(Release(1, "One more release") with { Id = 101, Slug = "slug-101" });
        session.Commit(4);
        Assert.Equal(2, Leaves(index));
        Assert.False(index.IsSplit);
        Assert.False(session.MergeIfSplit());
        session.Commit(5);
        Assert.Equal(2, Leaves(index));
        Assert.Equal(101, index.DocumentCount);
    }

    private static int Leaves(SearchIndex index)
    {
        using var lease = index.LeaseSearcher();
        return lease.Reader.Leaves.Count;
    }
}
