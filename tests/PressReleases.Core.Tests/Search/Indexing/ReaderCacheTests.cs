using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// Values are kept per index reader: reused on the same reader, worked out again on another, and not kept when not
/// worth it or when the set is full. Exercised with the passes of listings without words, its first use.
/// </summary>
public sealed class ReaderCacheTests : IDisposable
{
    private static readonly WordlessScope AllNewest = new("", "", null, null, ReleaseStatus.Current, SearchSort.Newest);

    private readonly RAMDirectory directory = new();
    private readonly List<IndexReader> readers = [];

    public ReaderCacheTests()
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null));
        writer.AddDocument([new StringField("id", "1", Field.Store.NO)]);
        writer.Commit();
    }

    public void Dispose()
    {
        readers.ForEach(r => r.Dispose());
        directory.Dispose();
    }

    private IndexReader OpenReader()
    {
        var reader = DirectoryReader.Open(directory);
        readers.Add(reader);
        return reader;
    }

    private static ReaderCache<WordlessScope, ScopePass> Cache(int minVisited, int maxEntries = 100) =>
        new(maxEntries, pass => pass.Visited >= minVisited);

    private static ScopePass Pass(int visited, int total = 1) => new(total, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<int, int>(), [0], visited);

    [Fact]
    public void OnTheSameReader_TheFirstPassIsReused()
    {
        var scopes = Cache(minVisited: 10);
        var reader = OpenReader();
        var runs = 0;

        var first = scopes.GetOrAdd(reader, AllNewest, () => Pass(visited: 10, total: ++runs));
        var second = scopes.GetOrAdd(reader, AllNewest, () => Pass(visited: 10, total: ++runs));

        Assert.Equal(1, runs);
        Assert.Same(first, second);
    }

    [Fact]
    public void OnAnotherReader_ThePassRunsAgain()
    {
        var scopes = Cache(minVisited: 10);
        var runs = 0;

        scopes.GetOrAdd(OpenReader(), AllNewest, () => Pass(visited: 10, total: ++runs));
        var later = scopes.GetOrAdd(OpenReader(), AllNewest, () => Pass(visited: 10, total: ++runs));

        Assert.Equal(2, runs);
        Assert.Equal(2, later.Total);
    }

    [Fact]
    public void OtherSelections_AreOtherPasses_ButTheOrderOfASelectionIsNot()
    {
        var scopes = Cache(minVisited: 10);
        var reader = OpenReader();
        var runs = 0;
        var twoMinisters = WordlessScope.Of(new SearchRequest { Ministers = ["a", "b"] });

        scopes.GetOrAdd(reader, twoMinisters, () => Pass(visited: 10, total: ++runs));
        scopes.GetOrAdd(reader, WordlessScope.Of(new SearchRequest { Ministers = ["b", "a", "b"] }), () => Pass(visited: 10, total: ++runs));
        scopes.GetOrAdd(reader, WordlessScope.Of(new SearchRequest { Ministers = ["a"] }), () => Pass(visited: 10, total: ++runs));
        scopes.GetOrAdd(reader, WordlessScope.Of(new SearchRequest { Ministers = ["a", "b"], Sort = SearchSort.Oldest }), () => Pass(visited: 10, total: ++runs));

        Assert.Equal(3, runs);
    }

    [Fact]
    public void ACheapPass_IsNotKept()
    {
        var scopes = Cache(minVisited: 10);
        var reader = OpenReader();
        var runs = 0;

        scopes.GetOrAdd(reader, AllNewest, () => Pass(visited: 9, total: ++runs));
        scopes.GetOrAdd(reader, AllNewest, () => Pass(visited: 9, total: ++runs));

        Assert.Equal(2, runs);
    }

    [Fact]
    public void WhenTheSetIsFull_NewPassesAreNotKept_AndThoseKeptStay()
    {
        var scopes = Cache(minVisited: 1, maxEntries: 2);
        var reader = OpenReader();
        var runs = 0;
        WordlessScope Year(int year) => AllNewest with { From = new DateOnly(year, 1, 1) };

        foreach (var year in new[] { 2001, 2002, 2003, 2003, 2001 })
        {
            scopes.GetOrAdd(reader, Year(year), () => Pass(visited: 1, total: ++runs));
        }

        // 2001 and 2002 kept; 2003 found the set full both times.
        Assert.Equal(4, runs);
    }
}
