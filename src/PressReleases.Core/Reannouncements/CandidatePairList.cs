namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Candidate pairs kept as sorted arrays of (smaller id, larger id): one per band table the detector fills, joined
/// only as they are read. A pair that shares bands in several tables is in several arrays and is read once.
/// </summary>
internal static class CandidatePairList
{
    /// <summary>The pairs sorted, each once, in an array of exactly their number.</summary>
    public static (int A, int B)[] SortedDistinct(List<(int A, int B)> pairs)
    {
        pairs.Sort();
        var distinct = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
            {
                pairs[distinct++] = pairs[i];
            }
        }

        var sorted = new (int A, int B)[distinct];
        pairs.CopyTo(0, sorted, 0, distinct);
        return sorted;
    }

    /// <summary>Every pair of the sorted, distinct <paramref name="runs"/>, once each, in order.</summary>
    public static IEnumerable<(int A, int B)> Union(IReadOnlyList<(int A, int B)[]> runs)
    {
        var at = new int[runs.Count];
        (int A, int B)? last = null;
        while (true)
        {
            var smallest = -1;
            for (var r = 0; r < runs.Count; r++)
            {
                if (at[r] < runs[r].Length && (smallest < 0 || runs[r][at[r]].CompareTo(runs[smallest][at[smallest]]) < 0))
                {
                    smallest = r;
                }
            }

            if (smallest < 0)
            {
                yield break;
            }

            var pair = runs[smallest][at[smallest]++];
            if (pair != last)
            {
                last = pair;
                yield return pair;
            }
        }
    }
}
