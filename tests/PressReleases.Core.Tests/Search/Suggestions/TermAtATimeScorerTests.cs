using Lucene.Net.Index;
using Lucene.Net.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Suggestions;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Suggestions;

/// <summary>
/// Term-at-a-time scoring gives what Lucene's own search of the same OR query gives: the same documents, in the same
/// order, with the same scores, leaving out the excluded ones (as MUST_NOT clauses would).
/// </summary>
public sealed class TermAtATimeScorerTests : SampleSearchTestBase
{
    /// <summary>Stemmed terms of the sample releases, each searched in the body and (boosted) in the title.</summary>
    private static readonly string[] Words = ["trade", "japan", "health", "educ", "minist", "govern", "new", "zealand", "visit", "tourism"];

    public static TheoryData<int> ClauseCounts => new() { 1, 3, 6, 10 };

    private static List<TermQuery> Clauses(int words) =>
        [.. Words.Take(words).SelectMany((word, i) => new[]
        {
            new TermQuery(new Term(IndexFields.Body, word)) { Boost = 1f + (i * 0.37f) },
            new TermQuery(new Term(IndexFields.Title, word)) { Boost = 3f * (1f + (i * 0.37f)) },
        })];

    [Theory]
    [MemberData(nameof(ClauseCounts))]
    public void Top_IsLucenesOwnRanking_WithTheSameScores(int words)
    {
        using var lease = Store.Index.LeaseSearcher();
        var searcher = lease.Searcher;
        var clauses = Clauses(words);
        var excludedTerms = new[] { IndexFields.WithdrawnTerm, new Term(IndexFields.Slug, "japan-trade") };
        var query = new BooleanQuery();
        var like = new BooleanQuery();
        clauses.ForEach(c => like.Add(c, Occur.SHOULD));
        query.Add(like, Occur.MUST);
        foreach (var term in excludedTerms)
        {
            query.Add(new TermQuery(term), Occur.MUST_NOT);
        }

        var lucene = searcher.Search(query, 100).ScoreDocs;
        var ours = TermAtATimeScorer.Top(searcher, clauses, TermAtATimeScorer.Matching(searcher, excludedTerms), 100);

        Assert.True(lucene.Length > 0, "the query matches nothing, so the comparison proves nothing");
        Assert.Equal(lucene.Select(d => d.Doc), ours.Select(d => d.Doc));
        Assert.Equal(lucene.Select(d => d.Score), ours.Select(d => d.Score));
    }

    [Fact]
    public void Top_KeepsOnlyTheCountAskedFor_TheBestOnes()
    {
        using var lease = Store.Index.LeaseSearcher();
        var searcher = lease.Searcher;
        var clauses = Clauses(Words.Length);

        var all = TermAtATimeScorer.Top(searcher, clauses, new HashSet<int>(), 1000);
        var three = TermAtATimeScorer.Top(searcher, clauses, new HashSet<int>(), 3);

        Assert.True(all.Length > 3);
        Assert.Equal(all.Take(3).Select(d => d.Doc), three.Select(d => d.Doc));
    }
}
