using Lucene.Net.Index;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// Lucene's tiered merge policy, except that a forced merge into one segment happens only when the index is split
/// into large parts: when its largest segment holds less than nine tenths of the live documents (what a cold ingest
/// or a rebuild leaves, one segment per indexing thread). The decision is taken from the segments' own counts, as
/// the writer knows them after flushing, so <see cref="SearchIndex"/> need not open a searcher to count them: at a
/// million releases, opening every small segment for searching read their postings into memory
/// (<see cref="Storage.IndexFilesDirectory"/>) just before the merge replaced them, about 850 MB at the ingest's
/// peak (docs/performance.md, "A million releases").
/// Above <see cref="WholeMergeLimit"/> live documents the index is never merged whole: the merge is one thread
/// rewriting every segment (90 s at a million releases, at the very end of the ingest), while the tiered policy's
/// own merges during the ingest already leave a few large segments, which cost a search less than the merge costs
/// the ingest (docs/performance.md, "A million releases").
/// </summary>
internal sealed class SplitMergePolicy(int wholeMergeLimit = SplitMergePolicy.WholeMergeLimit) : TieredMergePolicy
{
    /// <summary>The most live documents an index may hold and still be merged whole by a forced merge.</summary>
    public const int WholeMergeLimit = 200_000;

    private volatile bool mergedSplit;

    /// <summary>Whether the forced merges since <see cref="ResetForcedMergeRecord"/> found the index split and merged it.</summary>
    public bool MergedSplit => mergedSplit;

    public void ResetForcedMergeRecord() => mergedSplit = false;

    public override MergeSpecification? FindForcedMerges(
        SegmentInfos segmentInfos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (!IsSplit(segmentInfos.Segments.Select(segment => segment.Info.DocCount - segment.DelCount), wholeMergeLimit))
        {
            return null;
        }

        var merges = base.FindForcedMerges(segmentInfos, maxSegmentCount, segmentsToMerge);
        if (merges is not null)
        {
            mergedSplit = true;
        }

        return merges;
    }

    /// <summary>
    /// Whether segments holding <paramref name="liveCounts"/> live documents each are split into large parts that a
    /// forced merge should make one: the largest holds less than nine tenths of the live documents, and there are no
    /// more than <paramref name="wholeMergeLimit"/> of them.
    /// </summary>
    public static bool IsSplit(IEnumerable<int> liveCounts, int wholeMergeLimit = WholeMergeLimit)
    {
        long live = 0, largest = 0;
        foreach (var count in liveCounts)
        {
            live += count;
            largest = Math.Max(largest, count);
        }

        return live <= wholeMergeLimit && largest * 10L < live * 9L;
    }
}
