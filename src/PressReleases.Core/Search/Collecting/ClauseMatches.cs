using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Which of a query's clauses each of a page of hits matches: for a search that lists releases missing some
/// of the words, what each of them lacks. One scorer per clause and segment, advanced through the page's hits
/// of that segment in document order, so a page costs a few term lookups, not a search per hit.
/// </summary>
internal static class ClauseMatches
{
    /// <returns>For each hit (in the given order), whether it matches each clause (in the given order).</returns>
    public static bool[][] Find(IndexSearcher searcher, IReadOnlyList<Query> clauses, int[] docIds)
    {
        var matches = docIds.Select(_ => new bool[clauses.Count]).ToArray();
        if (docIds.Length == 0 || clauses.Count == 0)
        {
            return matches;
        }

        var weights = clauses.Select(searcher.CreateNormalizedWeight).ToArray();
        var leaves = searcher.IndexReader.Leaves;
        var bySegment = Enumerable.Range(0, docIds.Length)
            .GroupBy(i => ReaderUtil.SubIndex(docIds[i], leaves))
            .Select(g => (Leaf: leaves[g.Key], Hits: g.OrderBy(i => docIds[i]).ToList()));
        foreach (var (leaf, hits) in bySegment)
        {
            for (var c = 0; c < weights.Length; c++)
            {
                var scorer = weights[c].GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null)
                {
                    continue;
                }

                foreach (var hit in hits)
                {
                    var target = docIds[hit] - leaf.DocBase;
                    var at = scorer.DocID >= target ? scorer.DocID : scorer.Advance(target);
                    matches[hit][c] = at == target;
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                }
            }
        }

        return matches;
    }

    /// <summary>
    /// The positions in <paramref name="clauses"/> of those no document in the index matches. Each clause is looked for in
    /// each segment only until its first match, so a clause that matches costs next to nothing; only one that
    /// matches nothing (a phrase whose words are common but never stand together) is followed to the end, once,
    /// instead of once in each widened reading of the query.
    /// </summary>
    public static HashSet<int> Unmatched(IndexSearcher searcher, IReadOnlyList<Query> clauses)
    {
        var unmatched = new HashSet<int>();
        for (var c = 0; c < clauses.Count; c++)
        {
            var weight = searcher.CreateNormalizedWeight(clauses[c]);
            var matched = searcher.IndexReader.Leaves.Any(leaf =>
                weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS);
            if (!matched)
            {
                unmatched.Add(c);
            }
        }

        return unmatched;
    }
}
