using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PressReleases.Core.Search.Suggestions;

/// <summary>
/// The best hits of an OR of term clauses, scored a term at a time: each clause's postings are read straight through,
/// adding its score to a per-document total, and the best totals are picked at the end. Lucene scores such a query a
/// document at a time, keeping every clause's postings in a heap; for the fifty clauses of a "like this" query that
/// heap was most of a release page's CPU. The scores are Lucene's own: each clause is weighted and scored by the
/// searcher's similarity exactly as a <see cref="TermQuery"/> inside a <see cref="BooleanQuery"/> is (BM25: no query
/// norm, no coordination factor), summed in double precision as Lucene's disjunction does, and ties go to the earlier
/// document as with Lucene's in-order collector. Deleted and <paramref name="excluded"/> documents never score.
/// </summary>
internal static class TermAtATimeScorer
{
    public static ScoreDoc[] Top(IndexSearcher searcher, IEnumerable<TermQuery> clauses, ISet<int> excluded, int count)
    {
        if (searcher.Similarity is not BM25Similarity)
        {
            // Other similarities normalise across clauses and scale by the share of clauses matched; this sum would differ.
            throw new InvalidOperationException("Term-at-a-time scoring reproduces BM25 only.");
        }

        var reader = searcher.IndexReader;
        var totals = ArrayPool<double>.Shared.Rent(Math.Max(1, reader.MaxDoc));
        try
        {
            Array.Clear(totals, 0, reader.MaxDoc);
            foreach (var clause in clauses)
            {
                Add(searcher, clause, totals);
            }

            return Best(totals, reader.MaxDoc, excluded, count);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(totals);
        }
    }

    /// <summary>The documents a term query would match, as global document ids (for the exclusions).</summary>
    public static ISet<int> Matching(IndexSearcher searcher, IEnumerable<Term> terms)
    {
        var found = new HashSet<int>();
        foreach (var term in terms)
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var docs = leaf.AtomicReader.GetTermDocsEnum(term);
                if (docs is null)
                {
                    continue;
                }

                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    found.Add(leaf.DocBase + doc);
                }
            }
        }

        return found;
    }

    private static void Add(IndexSearcher searcher, TermQuery clause, double[] totals)
    {
        var term = clause.Term;
        var states = TermContext.Build(searcher.TopReaderContext, term);
        if (states.DocFreq == 0)
        {
            return;
        }

        // As TermQuery's weight does: the clause's boost and statistics, then normalised with BM25's query norm (always 1)
        // and the enclosing queries' boost (1).
        var similarity = searcher.Similarity;
        var weight = similarity.ComputeWeight(clause.Boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, states));
        weight.Normalize(1f, 1f);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (states.Get(leaf.Ord) is not { } state || leaf.AtomicReader.GetTerms(term.Field) is not { } fieldTerms)
            {
                continue;
            }

            var termsEnum = fieldTerms.GetEnumerator();
            termsEnum.SeekExact(term.Bytes, state);
            var docs = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.FREQS);
            var scorer = similarity.GetSimScorer(weight, leaf);
            var docBase = leaf.DocBase;
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                totals[docBase + doc] += scorer.Score(doc, docs.Freq);
            }
        }
    }

    /// <summary>The <paramref name="count"/> highest totals, best first; equal scores in document order.</summary>
    private static ScoreDoc[] Best(double[] totals, int maxDoc, ISet<int> excluded, int count)
    {
        // A min-heap of the best so far: its root is the worst kept (lowest score, then the later document).
        var best = new PriorityQueue<int, (float Score, int Doc)>(count + 1, Comparer<(float Score, int Doc)>.Create(
            (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (totals[doc] <= 0 || excluded.Contains(doc))
            {
                continue;
            }

            var score = (float)totals[doc];
            if (best.Count < count)
            {
                best.Enqueue(doc, (score, doc));
            }
            else if (best.TryPeek(out _, out var worst) && score > worst.Score)
            {
                best.DequeueEnqueue(doc, (score, doc));
            }
        }

        var ordered = new ScoreDoc[best.Count];
        for (var i = ordered.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var doc, out var key);
            ordered[i] = new ScoreDoc(doc, key.Score);
        }

        return ordered;
    }
}
