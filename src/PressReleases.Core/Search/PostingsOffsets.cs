using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PressReleases.Core.Search;

/// <summary>
/// Where a document's field holds given terms, read from the offsets the index stores in its postings,
/// so a snippet for a hit costs a few term lookups instead of re-analysing the release's text.
/// </summary>
internal static class PostingsOffsets
{
    /// <summary>
    /// The matches of <paramref name="terms"/> in <paramref name="field"/> of document <paramref name="docId"/>
    /// that start before <paramref name="maxOffset"/>, in text order; null when the field has no offsets.
    /// </summary>
    public static List<(int Start, int End, string Term)>? Find(IndexReader reader, int docId, string field, IReadOnlySet<string> terms, int maxOffset)
    {
        var matches = new List<(int Start, int End, string Term)>();
        if (terms.Count == 0)
        {
            return matches;
        }

        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var localDoc = docId - leaf.DocBase;
        var fieldTerms = leaf.AtomicReader.GetTerms(field);
        if (fieldTerms is null)
        {
            return matches;
        }

        if (!fieldTerms.HasOffsets)
        {
            return null;
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
            if (postings is null || postings.Advance(localDoc) != localDoc)
            {
                continue;
            }

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

        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }
}
