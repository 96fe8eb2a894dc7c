using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Adds the proximity boosts (<see cref="Querying.ParsedQuery.Proximity"/>: words close together, all words in
/// the title) to the best hits of the main query, instead of to every hit. Scoring a sloppy phrase means
/// reading every position of its words in the document; for a broad query (one with many hits) that was
/// most of the search's time, and the slowest searches set the slowest responses under load
/// (docs/performance.md, "Design decisions and their measurements").
/// With BM25 a boolean query's score is the plain sum of its clauses' scores, so for the hits that are
/// rescored the result is what one query holding both parts would score. The order is therefore the same
/// as before whenever a query has at most <see cref="Window"/> hits; beyond that, a hit outside the main
/// query's best <see cref="Window"/> cannot be lifted into them (docs/search.md).
/// </summary>
internal static class ProximityRescorer
{
    /// <summary>How many of the main query's best hits get the proximity boosts. Fixed, so pages never overlap.</summary>
    public const int Window = 300;

    /// <summary>
    /// Whether a query whose proximity boosts are <paramref name="proximity"/> may have more hits than
    /// <see cref="Window"/>, judged from its plain words' document frequencies: a word matches in the title
    /// or the body, so it has at most the sum of its two frequencies; all words must match (so the rarest
    /// bounds the hits), or with <paramref name="someWords"/> only some of them (so their sum bounds them).
    /// Everything else in the query only narrows.
    /// </summary>
    public static bool MayExceedWindow(IndexReader reader, Query proximity, bool someWords)
    {
        var terms = new HashSet<Term>();
        proximity.ExtractTerms(terms);
        long bound = someWords ? 0 : long.MaxValue;
        foreach (var text in terms.Select(t => t.Text).Distinct(StringComparer.Ordinal))
        {
            long frequency = reader.DocFreq(new Term(IndexFields.Title, text)) + reader.DocFreq(new Term(IndexFields.Body, text));
            bound = someWords ? bound + frequency : Math.Min(bound, frequency);
        }

        return bound > Window;
    }

    /// <summary>
    /// Re-orders the first <see cref="Window"/> of <paramref name="hits"/> (the main query's best first) by
    /// their score plus the proximity query's; the rest stay behind them in their order. Equal scores keep
    /// Lucene's order: the lower document id first.
    /// </summary>
    public static void Rescore(IndexSearcher searcher, Query proximity, ScoreDoc[] hits)
    {
        var count = Math.Min(hits.Length, Window);
        if (count == 0)
        {
            return;
        }

        var byDoc = hits.AsSpan(0, count).ToArray();
        Array.Sort(byDoc, (a, b) => a.Doc.CompareTo(b.Doc));
        var weight = searcher.CreateNormalizedWeight(proximity);
        var leaves = searcher.IndexReader.Leaves;
        AtomicReaderContext? leaf = null;
        Scorer? scorer = null;
        for (var i = 0; i < byDoc.Length; i++)
        {
            var hit = byDoc[i];
            if (leaf is null || hit.Doc >= leaf.DocBase + leaf.AtomicReader.MaxDoc)
            {
                leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
                scorer = weight.GetScorer(leaf, OnlyHitsOf(leaf, byDoc, i));
            }

            if (scorer is null)
            {
                continue;
            }

            var localDoc = hit.Doc - leaf.DocBase;
            var current = scorer.DocID;
            if (current < localDoc)
            {
                current = scorer.Advance(localDoc);
            }

            if (current == localDoc)
            {
                hit.Score += scorer.GetScore();
            }
        }

        Array.Sort(hits, 0, count, Comparer<ScoreDoc>.Create((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc)));
    }

    /// <summary>
    /// The hits that fall in <paramref name="leaf"/> (from <paramref name="first"/> on, in document order), as
    /// the documents its scorer may accept. A sloppy phrase scorer asked to advance to a hit otherwise checks
    /// the positions of every document in between that holds all the words (for a broad query, nearly all of
    /// its hits); with the other documents not accepted, their postings are passed over and only the hits'
    /// positions are read. The hits come from a search of this searcher, so every one of them is live.
    /// </summary>
    private static FixedBitSet OnlyHitsOf(AtomicReaderContext leaf, ScoreDoc[] byDoc, int first)
    {
        var accepted = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
        for (var i = first; i < byDoc.Length && byDoc[i].Doc < end; i++)
        {
            accepted.Set(byDoc[i].Doc - leaf.DocBase);
        }

        return accepted;
    }
}
