namespace PressReleases.CorpusGenerator;

/// <summary>
/// A tiny, fast random source whose sequence is fixed by its seed forever (System.Random's seeded
/// sequence is not promised across .NET versions, and a corpus must be reproducible years later).
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, bound).</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 33) * (ulong)bound >> 31);

    /// <summary>Release <paramref name="index"/> always gets the same stream for a seed, whatever else is generated.</summary>
    public static SplitMix64 ForItem(ulong seed, long index)
    {
        var mixer = new SplitMix64(seed ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        return new SplitMix64(mixer.NextUInt64());
    }
}
