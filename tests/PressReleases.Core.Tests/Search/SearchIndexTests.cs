using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

public class SearchIndexTests
{
    private static IndexedRelease Release(int id, string title) =>
        new(id, $"slug-{id}", title, new DateOnly(2020, 1, id), $"https://www.beehive.govt.nz/release/slug-{id}", $"Body of {title}.", ["john-key"], ["finance"]);

    [Fact]
    public void NewIndex_IsEmptyAndNeedsARebuild()
    {
        using var temp = new TempDataDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());

        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.CommittedChangeSeq);
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void Commit_IsDurable_AndRecordsTheChangeSequence()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            index.Upsert(Release(1, "One"));
            index.Upsert(Release(2, "Two"));
            index.Commit(42);
            Assert.False(index.NeedsRebuild);
            Assert.Equal(42, index.CommittedChangeSeq);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(42, reopened.CommittedChangeSeq);
        Assert.Equal(2, reopened.DocumentCount);
    }

    [Fact]
    public void Upsert_ReplacesTheDocumentWithTheSameId_AndDeleteRemovesIt()
    {
        using var temp = new TempDataDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        index.Upsert(Release(1, "One"));
        index.Upsert(Release(2, "Two"));
        index.Upsert(Release(1, "One again"));
        index.Refresh();
        Assert.Equal(2, index.DocumentCount);

        index.Delete(2);
        index.Refresh();
        Assert.Equal(1, index.DocumentCount);

        var searcher = index.AcquireSearcher();
        try
        {
            var top = searcher.Search(new Lucene.Net.Search.TermQuery(new Term(IndexFields.Id, IndexFields.IdTerm(1))), 10);
            Assert.Equal(1, top.TotalHits);
            Assert.Equal("One again", searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexFields.Title));
        }
        finally
        {
            index.ReleaseSearcher(searcher);
        }

        index.DeleteAll();
        index.Refresh();
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void DeletedIndexFolder_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            index.Upsert(Release(1, "One"));
            index.Commit(7);
        }

        System.IO.Directory.Delete(path, recursive: true);
        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());

        Assert.True(reopened.NeedsRebuild);
        Assert.Equal(0, reopened.CommittedChangeSeq);
        Assert.Equal(0, reopened.DocumentCount);
    }

    [Fact]
    public void CorruptSegmentsFile_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            index.Upsert(Release(1, "One"));
            index.Commit(7);
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
        reopened.Upsert(Release(3, "Three"));
        reopened.Commit(9);
        Assert.Equal(1, reopened.DocumentCount);
    }

    [Fact]
    public void TruncatedSegmentFile_IsRecreatedEmpty_AndFlaggedForRebuild()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            index.Upsert(Release(1, "One"));
            index.Commit(7);
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
        using var temp = new TempDataDirectory();
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
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Path, "index");
        using var first = new SearchIndex(path, new ReleaseAnalyzer());

        var error = Assert.Throws<SearchIndexException>(() => new SearchIndex(path, new ReleaseAnalyzer()));
        Assert.Contains("in use", error.Message);
    }

    [Fact]
    public void Dispose_IsIdempotent()
    {
        using var temp = new TempDataDirectory();
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
    public void MergeIfSplit_MergesAnIndexInLargeParts_AndLeavesOneWithAFewNewReleasesAlone()
    {
        using var temp = new TempDataDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        for (var id = 1; id <= 100; id++)
        {
            index.Upsert(Release(id % 28 + 1, $"Release number {id}") with { Id = id, Slug = $"slug-{id}" });
            if (id == 50)
            {
                index.Commit(1);
            }
        }

        index.Commit(2);
        Assert.Equal(2, Leaves(index));

        Assert.True(index.MergeIfSplit());
        index.Commit(3);
        Assert.Equal(1, Leaves(index));
        Assert.Equal(100, index.DocumentCount);

        index.Upsert(Release(1, "One more release") with { Id = 101, Slug = "slug-101" });
        index.Commit(4);
        Assert.Equal(2, Leaves(index));
        Assert.False(index.MergeIfSplit());
        index.Commit(5);
        Assert.Equal(2, Leaves(index));
        Assert.Equal(101, index.DocumentCount);
    }

    private static int Leaves(SearchIndex index)
    {
        var searcher = index.AcquireSearcher();
        try
        {
            return searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            index.ReleaseSearcher(searcher);
        }
    }
}
