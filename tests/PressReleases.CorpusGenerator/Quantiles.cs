namespace PressReleases.CorpusGenerator;

/// <summary>
/// A distribution kept as its percentiles (101 values, 0th to 100th), sampled by inverse transform
/// with linear interpolation: small to store, and it keeps the long tail of real sizes.
/// </summary>
public static class Quantiles
{
    public static int[] Of(List<int> values)
    {
        if (values.Count == 0)
        {
            return [0];
        }

        values.Sort();
        var result = new int[101];
        for (var p = 0; p <= 100; p++)
        {
            result[p] = values[(int)Math.Round(p / 100.0 * (values.Count - 1))];
        }

        return result;
    }

    public static int Sample(int[] percentiles, ref SplitMix64 random)
    {
        if (percentiles.Length == 1)
        {
            return percentiles[0];
        }

        var position = random.NextDouble() * (percentiles.Length - 1);
        var low = (int)position;
        var high = Math.Min(low + 1, percentiles.Length - 1);
        var fraction = position - low;
        return (int)Math.Round(percentiles[low] + (percentiles[high] - percentiles[low]) * fraction);
    }
}
