namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Locality-sensitive hashing of MinHash signatures by banding: each signature is cut into <see cref="Bands"/>
/// bands of <see cref="Rows"/> values, and two releases are candidates when any one band is equal in both. Pairs of
/// Jaccard similarity <c>s</c> become candidates with probability <c>1 - (1 - s^Rows)^Bands</c>, a steep curve
/// around <c>(1/Bands)^(1/Rows)</c>, so near-duplicates are found without comparing every pair. Built once from all
/// signatures (<see cref="Add"/>, then <see cref="Seal"/>), then asked for each changed release's candidates.
/// The table is two sorted arrays (band key, release id), a few bytes per band per release.
/// </summary>
internal sealed class LshBands
{
    private readonly List<(ulong Key, int Id)> entries = [];
    private ulong[] keys = [];
    private int[] ids = [];

    public LshBands(int bands, int rows)
    {
        if (bands * rows > MinHash.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), $"{bands} bands of {rows} rows need more than {MinHash.Length} values.");
        }

        Bands = bands;
        Rows = rows;
    }

    public int Bands { get; }

    public int Rows { get; }

    public void Add(int id, ReadOnlySpan<uint> signature)
    {
        for (var band = 0; band < Bands; band++)
        {
            entries.Add((Key(signature, band), id));
        }
    }

    /// <summary>Sorts the table; call once after the last <see cref="Add"/> and before the first <see cref="CandidatesOf"/>.</summary>
    public void Seal()
    {
        keys = new ulong[entries.Count];
        ids = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            (keys[i], ids[i]) = entries[i];
        }

        entries.Clear();
        Array.Sort(keys, ids);
    }

    /// <summary>The releases that share at least one band with <paramref name="signature"/>, other than <paramref name="self"/>.</summary>
    public HashSet<int> CandidatesOf(int self, ReadOnlySpan<uint> signature)
    {
        var found = new HashSet<int>();
        for (var band = 0; band < Bands; band++)
        {
            var key = Key(signature, band);
            var at = Array.BinarySearch(keys, key);
            if (at < 0)
            {
                continue;
            }

            // BinarySearch lands on any of the equal keys: walk back to the first.
            while (at > 0 && keys[at - 1] == key)
            {
                at--;
            }

            for (; at < keys.Length && keys[at] == key; at++)
            {
                if (ids[at] != self)
                {
                    found.Add(ids[at]);
                }
            }
        }

        return found;
    }

    /// <summary>One band's values hashed together with the band's number, so equal values in different bands never meet.</summary>
    private ulong Key(ReadOnlySpan<uint> signature, int band)
    {
        var hash = Shingles.Mix((ulong)band + 1);
        foreach (var value in signature.Slice(band * Rows, Rows))
        {
            hash = Shingles.Mix(hash ^ value);
        }

        return hash;
    }
}
