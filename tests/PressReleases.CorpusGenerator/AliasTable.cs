namespace PressReleases.CorpusGenerator;

/// <summary>
/// Walker's alias method: draws index i with probability weight[i] / sum in constant time. A million
/// releases draw hundreds of millions of words, so a binary search per word would dominate the run.
/// </summary>
public sealed class AliasTable
{
    private readonly double[] probability;
    private readonly int[] alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        if (n == 0)
        {
            throw new ArgumentException("an alias table needs at least one weight", nameof(weights));
        }

        probability = new double[n];
        alias = new int[n];
        var sum = weights.Sum();
        var scaled = weights.Select(w => w * n / sum).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        // What is left has probability 1 up to rounding.
        foreach (var i in large.Concat(small))
        {
            probability[i] = 1;
            alias[i] = i;
        }
    }

    public int Count => probability.Length;

    public int Sample(ref SplitMix64 random)
    {
        var column = random.Next(probability.Length);
        return random.NextDouble() < probability[column] ? column : alias[column];
    }
}
