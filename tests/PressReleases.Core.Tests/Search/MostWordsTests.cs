using PressReleases.Core.Search;
using Lucene.Net.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Collecting;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>
/// When few or no releases have every plain word, those missing some follow the ones that have them all
/// (SearchService.WidenBelow), each saying which words it lacks; the result says how the words were matched.
/// </summary>
public sealed class MostWordsTests : SampleSearchTestBase
{
    [Fact]
    public async Task NoReleaseHasBothWords_ShowsReleasesWithEither_AndSaysWhichWordEachLacks()
    {
        Assert.Empty(SampleReleases.Containing("japan", "tourism"));
        var expected = Sorted(SampleReleases.Containing("japan").Concat(SampleReleases.Containing("tourism")));

        var result = await SearchAsync("japan tourism");

        Assert.True(result.MatchedAnyWord);
        Assert.Equal(new WordMatch(2, 1, 0, FacetsCountAllWords: false), result.Words);
        Assert.Equal(expected.Count, result.Total);
        Assert.Equal(expected, Sorted(result.Items.Select(h => h.Slug)));
        Assert.StartsWith("any of: japan, tourism (releases with all of them first)", result.InterpretedAs);
        Assert.All(result.Items, hit => Assert.Equal(
            SampleReleases.Containing("japan").Contains(hit.Slug) ? ["tourism"] : ["japan"],
            hit.MissingWords));
    }

    [Fact]
    public async Task FewReleasesHaveAllWords_TheyComeFirst_ThenThoseMissingOne_AndFacetsCountTheFirst()
    {
        var all = SampleReleases.Containing("japan", "trade");
        Assert.InRange(all.Count, 1, SearchService.WidenBelow - 1);
        var either = Sorted(SampleReleases.Containing("japan").Concat(SampleReleases.Containing("trade")));

        var result = await SearchAsync("japan trade");

        Assert.False(result.MatchedAnyWord);
        Assert.Equal(new WordMatch(2, 1, all.Count, FacetsCountAllWords: true), result.Words);
        Assert.Equal(either, Sorted(result.Items.Select(h => h.Slug)));
        Assert.Equal(all, Sorted(result.Items.Take(all.Count).Select(h => h.Slug)));
        Assert.All(result.Items.Take(all.Count), hit => Assert.Empty(hit.MissingWords));
        Assert.All(result.Items.Skip(all.Count), hit => Assert.Single(hit.MissingWords));

        // The facets count the releases with both words, as a strict search of them would.
        var strict = await SearchAsync(new SearchRequest { Query = "japan trade", Sort = SearchSort.Newest, PageSize = SearchRequest.MaxPageSize });
        Assert.Null(strict.Words);
        Assert.Equal(all.Count, strict.Total);
        Assert.Equal(strict.Facets.Ministers, result.Facets.Ministers);
        Assert.Equal(strict.Facets.Portfolios, result.Facets.Portfolios);
        Assert.Equal(strict.Facets.Years, result.Facets.Years);
    }

    [Fact]
    public async Task ThreeWords_ListAtLeastTwoOfThem_WhenSomeReleaseHasAll()
    {
        string[] words = ["japan", "trade", "china"];
        var all = SampleReleases.Containing(words);
        Assert.NotEmpty(all);
        var twoOfThree = SampleReleases.Slugs.Where(slug => words.Count(word => SampleReleases.Containing(word).Contains(slug)) >= 2).ToList();
        Assert.True(twoOfThree.Count > all.Count, "The sample has no release with two of the three words.");

        var result = await SearchAsync("japan trade china");

        Assert.Equal(2, result.Words?.Minimum);
        Assert.Equal(Sorted(twoOfThree), Sorted(result.Items.Select(h => h.Slug)));
        Assert.Equal(all, Sorted(result.Items.Take(all.Count).Select(h => h.Slug)));
        Assert.StartsWith("at least 2 of: japan, trade, china", result.InterpretedAs);
    }

    [Fact]
    public async Task ByDate_ReleasesWithSomeWordsAreListedOnlyWhenNoneHasThemAll()
    {
        var byDate = await SearchAsync(new SearchRequest { Query = "japan trade", Sort = SearchSort.Newest, PageSize = SearchRequest.MaxPageSize });
        Assert.Null(byDate.Words);
        Assert.Equal(SampleReleases.Containing("japan", "trade"), Sorted(byDate.Items.Select(h => h.Slug)));

        var none = await SearchAsync(new SearchRequest { Query = "japan tourism", Sort = SearchSort.Newest, PageSize = SearchRequest.MaxPageSize });
        Assert.True(none.MatchedAnyWord);
        Assert.Equal(Sorted(SampleReleases.Containing("japan").Concat(SampleReleases.Containing("tourism"))), Sorted(none.Items.Select(h => h.Slug)));
    }

    [Fact]
    public async Task ExclusionsAndFilters_StillApplyWhenWidened()
    {
        var either = SampleReleases.Containing("japan").Concat(SampleReleases.Containing("tourism"));

        // -earthquake still excludes.
        var withoutEarthquake = Sorted(either.Except(SampleReleases.Containing("earthquake")));
        var result = await SearchAsync("japan tourism -earthquake");
        Assert.True(result.MatchedAnyWord);
        Assert.Equal(withoutEarthquake, Sorted(result.Items.Select(h => h.Slug)));
        Assert.Contains("none of: earthquake", result.InterpretedAs);

        // A minister filter still narrows: John Key's releases only.
        var keys = SampleReleases.All.Where(r => r.Value.Ministers.Any(m => m.Contains("John Key", StringComparison.Ordinal))).Select(r => r.Key).ToHashSet();
        var filtered = await SearchAsync(new SearchRequest { Query = "japan tourism", Ministers = ["john-key"], PageSize = SearchRequest.MaxPageSize });
        Assert.True(filtered.MatchedAnyWord);
        Assert.Equal(Sorted(either.Where(keys.Contains)), Sorted(filtered.Items.Select(h => h.Slug)));

        // A phrase is one of the words, kept whole.
        var phrase = await SearchAsync("\"trade talks\" tourism");
        Assert.True(phrase.MatchedAnyWord);
        Assert.Equal(Sorted(SampleReleases.Containing("tourism").Append("japan-trade")), Sorted(phrase.Items.Select(h => h.Slug)));
    }

    [Fact]
    public async Task APhraseNoReleaseHas_IsNotSearchedWhenWidened_AndTheSameReleasesAreListedWithTheSameScores()
    {
        // "japan" and "tourism" are in the sample, never in one release, so never side by side.
        Assert.Empty(SampleReleases.Containing("japan", "tourism"));
        const string query = "\"japan tourism\" trade";
        var parser = new UserQueryParser(new ReleaseAnalyzer());
        var names = new Dictionary<string, string>();
        using var lease = Store.Index.LeaseSearcher();
        var searcher = lease.Searcher;

        // Of a phrase no release has, a word and a phrase one release has, only the first is unmatched.
        var strict = parser.Parse(query + " \"trade talks\"", names, names, searcher: searcher);
        Assert.Equal([0], ClauseMatches.Unmatched(searcher, strict.PlainQueries));

        var searchedInFull = parser.Parse(query, names, names, minimumWords: 1, searcher: searcher);
        var leftOut = parser.Parse(query, names, names, minimumWords: 1, searcher: searcher, unmatched: new HashSet<int> { 0 });
        Assert.Contains("\"japan tourism\"", searchedInFull.Query!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"japan tourism\"", leftOut.Query!.ToString(), StringComparison.Ordinal);
        Assert.Equal(searchedInFull.InterpretedAs, leftOut.InterpretedAs);
        Assert.Equal(searchedInFull.PlainClauses, leftOut.PlainClauses);

        var full = searcher.Search(searchedInFull.Query, 1_000);
        var lean = searcher.Search(leftOut.Query, 1_000);
        Assert.NotEqual(0, full.TotalHits);
        Assert.Equal(full.ScoreDocs.Select(d => (d.Doc, d.Score)), lean.ScoreDocs.Select(d => (d.Doc, d.Score)));

        // Through the service: the releases with "trade", each lacking the phrase.
        var result = await SearchAsync(query);
        Assert.Equal(SampleReleases.Containing("trade"), Sorted(result.Items.Select(h => h.Slug)));
        Assert.All(result.Items, hit => Assert.Contains("\"japan tourism\"", hit.MissingWords));
    }

    [Fact]
    public async Task OneWord_OrNothingFoundEitherWay_IsNotWidened()
    {
        var one = await SearchAsync("zeppelin");
        Assert.Equal(0, one.Total);
        Assert.Null(one.Words);

        // A required title: word is a filter, not a plain word: "zeppelin" and it are not widened.
        var titled = await SearchAsync("title:budget zeppelin");
        Assert.Equal(0, titled.Total);
        Assert.Null(titled.Words);

        // Neither word anywhere: the strict (empty) result is returned as it is.
        var neither = await SearchAsync("zeppelin blimp");
        Assert.Equal(0, neither.Total);
        Assert.Null(neither.Words);
    }

    [Fact]
    public async Task Export_ListsTheSameReleasesInTheSameOrder_AsTheWidenedPages()
    {
        var listed = await SearchAsync("japan trade");
        var exported = new List<string>();
        await foreach (var release in Store.Search.ExportAsync(new SearchRequest { Query = "japan trade" }))
        {
            exported.Add(release.Slug);
        }

        Assert.NotNull(listed.Words);
        Assert.Equal(listed.Items.Select(h => h.Slug), exported);
    }

    [Fact]
    public void Parser_MinimumWords_WidensOnlyThePlainWords()
    {
        var parser = new UserQueryParser(new ReleaseAnalyzer());
        var names = new Dictionary<string, string>();
        var parsed = parser.Parse("japan \"free trade\" title:budget -whaling", names, names, minimumWords: 1);

        Assert.True(parsed.MatchesAnyWord);
        Assert.Equal(1, parsed.MinimumWords);
        Assert.Equal(["japan", "\"free trade\""], parsed.PlainClauses);
        Assert.Equal("any of: japan, \"free trade\" (releases with all of them first); all of: title:budget; none of: whaling", parsed.InterpretedAs);

        // One plain word: nothing to widen, read as usual.
        var single = parser.Parse("japan title:budget", names, names, minimumWords: 1);
        Assert.Null(single.MinimumWords);
        Assert.Equal("all of: title:budget, japan", single.InterpretedAs);
    }

    [Theory]
    [InlineData(2, 0, new[] { 1 })]
    [InlineData(3, 0, new[] { 2, 1 })]
    [InlineData(3, 5, new[] { 2 })]
    [InlineData(4, 0, new[] { 3, 1 })]
    [InlineData(5, 0, new[] { 3, 1 })]
    [InlineData(8, 0, new[] { 5, 1 })]
    [InlineData(3, SearchService.WidenBelow, new int[0])]
    [InlineData(1, 0, new int[0])]
    public void Minimums_AreAllButOne_OrTwoFifthsOfALongQuery_ThenAnyOnlyWhenNoneHasThemAll(int words, int allWordsTotal, int[] expected)
    {
        var parser = new UserQueryParser(new ReleaseAnalyzer());
        var names = new Dictionary<string, string>();
        var query = string.Join(' ', Enumerable.Range(0, words).Select(i => "word" + (char)('a' + i)));
        var parsed = parser.Parse(query, names, names);

        Assert.Equal(expected, SearchService.Minimums(parsed, allWordsTotal, SearchSort.Relevance));
        Assert.Equal(allWordsTotal == 0 ? expected : [], SearchService.Minimums(parsed, allWordsTotal, SearchSort.Newest));
    }
}
