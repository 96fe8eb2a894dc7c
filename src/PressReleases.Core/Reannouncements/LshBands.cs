namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Locality-sensitive hashing of MinHash signatures by banding: each signature is cut into <see cref="Bands"/>
/// bands of <see cref="Rows"/> values, and two releases are candidates when any one band is equal in both. Pairs of
/// Jaccard similarity <c>s</c> become candidates with probability <c>1 - (1 - s^Rows)^Bands</c>, a steep curve
/// around <c>(1/Bands)^(1/Rows)</c>, so near-duplicates are found without comparing every pair. Built once from all
/// signatures (<see cref="Add"/>, then <see cref="Seal"/>), then asked once for the candidates of the changed releases
/// (or <see cref="Restart"/>ed for other bands).
/// The table is two arrays (band key, release id) sorted together, 12 bytes per band per release, sized once for
/// the releases it will hold: on the full corpus that is 2.3 million entries, which a growing list would copy over
/// and over during an ingest whose memory is already at its peak. A table may hold only some of the bands (from
/// <see cref="FirstBand"/>): a pair is a candidate when it shares a band in any table, so the detector can take the
/// bands a few at a time and hold a million releases' table in a fraction of the memory.
/// </summary>
internal sealed class LshBands
{
    private readonly ulong[] keys;
    private readonly int[] ids;

    /// <summary>How many bands the arrays were sized for: <see cref="Restart"/> may take up to this many.</summary>
    private readonly int bandsMadeFor;
    private int count;

    public LshBands(int bands, int rows, int capacity)
        : this(0, bands, rows, capacity)
    {
    }

    /// <summary>A table of <paramref name="bands"/> bands from band number <paramref name="firstBand"/> (counting from 0).</summary>
    public LshBands(int firstBand, int bands, int rows, int capacity)
    {
        Rows = rows;
        bandsMadeFor = bands;
        Check(firstBand, bands);
        (FirstBand, Bands) = (firstBand, bands);
        keys = new ulong[capacity * bands];
        ids = new int[capacity * bands];
    }

    public int FirstBand { get; private set; }

    /// <summary>How many bands this table holds.</summary>
    public int Bands { get; private set; }

    public int Rows { get; }

    /// <summary>
    /// Empties the table to hold <paramref name="bands"/> other bands from <paramref name="firstBand"/>, in the arrays
    /// it already has: a detector taking the bands a few at a time allocates one table, not one per pass (at a million
    /// releases each is about 100 MB, which the GC would not hand back before the ingest's end).
    /// </summary>
    public void Restart(int firstBand, int bands)
    {
        if (bands > bandsMadeFor)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), $"The table was made for {bandsMadeFor} bands, not {bands}.");
        }

        Check(firstBand, bands);
        (FirstBand, Bands, count) = (firstBand, bands, 0);
    }

    private void Check(int firstBand, int bands)
    {
        if (firstBand < 0 || bands < 1 || (firstBand + bands) * Rows > MinHash.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), $"Bands {firstBand} to {firstBand + bands - 1} of {Rows} rows need more than {MinHash.Length} values.");
        }
    }

    /// <summary>Adds a release; at most the capacity given at construction.</summary>
    public void Add(int id, ReadOnlySpan<uint> signature)
    {
        for (var band = FirstBand; band < FirstBand + Bands; band++)
        {
            keys[count] = Key(signature, band);
            ids[count] = id;
            count++;
        }
    }

    /// <summary>Sorts the table; call once after the last <see cref="Add"/> and before <see cref="AddBucketsTo"/>.</summary>
    public void Seal() => Array.Sort(keys, ids, 0, count);

    /// <summary>Gives each bucket of the sealed table (a run of equal keys: releases equal in one band) to <paramref name="candidates"/>.</summary>
    public void AddBucketsTo(CandidateBuckets candidates)
    {
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            candidates.Add(ids.AsSpan(start, end - start));
            start = end;
        }
    }

    /// <summary>
    /// Every pair of releases that share at least one band of this table and of which at least one is
    /// <paramref name="wanted"/>, each once as (smaller id, larger id).
    /// </summary>
    public List<(int A, int B)> CandidatePairs(IReadOnlySet<int> wanted)
    {
        var candidates = new CandidateBuckets(wanted);
        AddBucketsTo(candidates);
        return candidates.Pairs().ToList();
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
