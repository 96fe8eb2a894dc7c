using Lucene.Net.Index;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

public class PostingsOffsetsTests
{
    private const string Body = "Schools get funding. The school's new funding starts in May; schooling funded too.";

    [Fact]
    public void Find_ReadsTheSameMatchesAsAnalysingTheText()
    {
        using var temp = new TempDataDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        index.Upsert(new IndexedRelease(1, "a", "Other release", null, "https://example.org/a", "Nothing relevant here.", [], []));
        index.Upsert(new IndexedRelease(2, "b", "Funding for schools", null, "https://example.org/b", Body, [], []));
        index.Refresh();

        var terms = new HashSet<string>(index.Analyzer.Terms(IndexFields.Body, "school funding"), StringComparer.Ordinal);
        var searcher = index.AcquireSearcher();
        try
        {
            var docId = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Single(d => searcher.Doc(d).Get(IndexFields.Slug) == "b");
            var matches = PostingsOffsets.Find(searcher.IndexReader, docId, IndexFields.Body, terms, maxOffset: 1000);

            Assert.NotNull(matches);
            Assert.Equal(["Schools", "funding", "school's", "funding", "schooling", "funded"], matches.Select(m => Body[m.Start..m.End]));
            Assert.Equal(matches.OrderBy(m => m.Start), matches);

            var early = PostingsOffsets.Find(searcher.IndexReader, docId, IndexFields.Body, terms, maxOffset: 20);
            Assert.Equal(["Schools", "funding"], early!.Select(m => Body[m.Start..m.End]));

            // The words field keeps no offsets: the caller must fall back to analysing the text.
            Assert.Null(PostingsOffsets.Find(searcher.IndexReader, docId, IndexFields.Words, terms, maxOffset: 1000));
        }
        finally
        {
            index.ReleaseSearcher(searcher);
        }
    }
}
