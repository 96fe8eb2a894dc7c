using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PressReleases.Core.Search.Highlighting;

/// <summary>
/// Where documents' field holds given terms, read from the offsets the index stores in its postings,
/// so a snippet for a hit costs a few term lookups instead of re-analysing the release's text.
/// </summary>
internal static class PostingsOffsets
{
    /// <summary>
    /// For each of <paramref name="docIds"/> (distinct; aligned with the result), the matches of
    /// <paramref name="terms"/> in its <paramref name="field"/> that start before <paramref name="maxOffset"/>,
    /// in text order; null for a document whose segment keeps no offsets for the field. Each term is looked
    /// up once per segment and its postings are read forward through the segment's hits in id order, rather
    /// than looked up and skipped to afresh for every hit.
    /// </summary>
    public static List<(int Start, int End, string Term)>?[] FindAll(IndexReader reader, IReadOnlyList<int> docIds, string field, IReadOnlySet<string> terms, int maxOffset)
    {
        var results = new List<(int Start, int End, string Term)>?[docIds.Count];
        var leaves = reader.Leaves;
        var order = Enumerable.Range(0, docIds.Count).OrderBy(i => docIds[i]).ToArray();
        var next = 0;
        while (next < order.Length)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docIds[order[next]], leaves)];
            var end = next;
            while (end < order.Length && docIds[order[end]] < leaf.DocBase + leaf.AtomicReader.MaxDoc)
            {
                end++;
            }

            FindInLeaf(leaf, docIds, order.AsSpan(next, end - next), field, terms, maxOffset, results);
            next = end;
        }

        return results;
    }

    /// <param name="hits">Indexes into <paramref name="docIds"/> of this leaf's documents, in id order.</param>
    private static void FindInLeaf(
        AtomicReaderContext leaf, IReadOnlyList<int> docIds, ReadOnlySpan<int> hits, string field, IReadOnlySet<string> terms, int maxOffset,
        List<(int Start, int End, string Term)>?[] results)
    {
        var fieldTerms = leaf.AtomicReader.GetTerms(field);
        var hasOffsets = fieldTerms is null || fieldTerms.HasOffsets;
        foreach (var hit in hits)
        {
            results[hit] = hasOffsets ? [] : null;
        }

        if (fieldTerms is null || !hasOffsets || terms.Count == 0)
        {
            return;
        }

        var termsEnum = fieldTerms.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        foreach (var term in terms)
        {
            if (!termsEnum.SeekExact(new BytesRef(term)))
            {
                continue;
            }

            postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null)
            {
                continue;
            }

            foreach (var hit in hits)
            {
                var localDoc = docIds[hit] - leaf.DocBase;
                var current = postings.DocID;
                if (current < localDoc)
                {
                    current = postings.Advance(localDoc);
                }

                if (current == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (current == localDoc)
                {
                    AddMatches(postings, term, maxOffset, results[hit]!);
                }
            }
        }

        foreach (var hit in hits)
        {
            results[hit]!.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private static void AddMatches(DocsAndPositionsEnum postings, string term, int maxOffset, List<(int Start, int End, string Term)> matches)
    {
        for (var i = postings.Freq; i > 0; i--)
        {
            postings.NextPosition();
            if (postings.StartOffset >= maxOffset)
            {
                break;
            }

            matches.Add((postings.StartOffset, postings.EndOffset, term));
        }
    }
}
