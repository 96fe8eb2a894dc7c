using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Highlighting;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.Search.Highlighting;

public class PostingsOffsetsTests
{
    private const string Body = "Schools get funding. The school's new funding starts in May; schooling funded too.";

    [Fact]
    public async Task Find_ReadsTheSameMatchesAsAnalysingTheText()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        using (var session = await index.BeginWriteAsync())
        {
            session.Upsert(new IndexedRelease(1, "a", "Other release", null, "https://example.org/a", "Nothing relevant here.", [], []));
            session.Upsert(new IndexedRelease(2, "b", "Funding for schools", null, "https://example.org/b", Body, [], []));
            session.Refresh();
        }

        var terms = new HashSet<string>(index.Analyzer.Terms(IndexFields.Body, "school funding"), StringComparer.Ordinal);
        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        var docId = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Single(d => searcher.Doc(d).Get(IndexFields.Slug) == "b");
        var matches = PostingsOffsets.FindAll(searcher.IndexReader, [docId], IndexFields.Body, terms, maxOffset: 1000)[0];

        Assert.NotNull(matches);
        Assert.Equal(["Schools", "funding", "school's", "funding", "schooling", "funded"], matches.Select(m => Body[m.Start..m.End]));
        Assert.Equal(matches.OrderBy(m => m.Start), matches);

        var early = PostingsOffsets.FindAll(searcher.IndexReader, [docId], IndexFields.Body, terms, maxOffset: 20)[0];
        Assert.Equal(["Schools", "funding"], early!.Select(m => Body[m.Start..m.End]));

        // The words field keeps no offsets: the caller must fall back to analysing the text.
        Assert.Null(PostingsOffsets.FindAll(searcher.IndexReader, [docId], IndexFields.Words, terms, maxOffset: 1000)[0]);
    }

    [Fact]
    public async Task FindAll_ReadsEachHitsMatches_AcrossSegments_InTheGivenOrder()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        using (var session = await index.BeginWriteAsync())
        {
            session.Upsert(new IndexedRelease(1, "a", "First", null, "https://example.org/a", "Funding for schools.", [], []));
            session.Upsert(new IndexedRelease(2, "b", "Second", null, "https://example.org/b", "Nothing relevant here.", [], []));
            session.Commit(1);
            // A second segment: a page of hits usually spans several.
            session.Upsert(new IndexedRelease(3, "c", "Third", null, "https://example.org/c", "School funding, then more funding.", [], []));
            session.Upsert(new IndexedRelease(4, "d", "Fourth", null, "https://example.org/d", "A new school opens.", [], []));
            session.Commit(2);
        }

        var terms = new HashSet<string>(index.Analyzer.Terms(IndexFields.Body, "school funding"), StringComparer.Ordinal);
        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        Assert.True(searcher.IndexReader.Leaves.Count >= 2);
        var bodies = new Dictionary<int, string>();
        var idOf = new Dictionary<string, int>();
        for (var d = 0; d < searcher.IndexReader.MaxDoc; d++)
        {
            var doc = searcher.Doc(d);
            bodies[d] = doc.Get(IndexFields.Body);
            idOf[doc.Get(IndexFields.Slug)] = d;
        }

        // Not in id order, as a page ranked by score is not.
        int[] page = [idOf["d"], idOf["a"], idOf["c"], idOf["b"]];
        var found = PostingsOffsets.FindAll(searcher.IndexReader, page, IndexFields.Body, terms, maxOffset: 1000);

        string[] Words(int i) => found[i]!.Select(m => bodies[page[i]][m.Start..m.End]).ToArray();
        Assert.Equal(["school"], Words(0));
        Assert.Equal(["Funding", "schools"], Words(1));
        Assert.Equal(["School", "funding", "funding"], Words(2));
        Assert.Empty(Words(3));
    }
}
