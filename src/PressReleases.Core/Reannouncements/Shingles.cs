using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace PressReleases.Core.Reannouncements;

/// <summary>
/// A text's word shingles: every run of <see cref="Width"/> consecutive words, as a 64-bit hash, distinct and
/// sorted. Words are runs of letters and digits, lower-cased (invariant culture); punctuation, spacing and line
/// breaks never count, so the same sentences re-flowed or re-punctuated give the same shingles. The hashes are
/// computed here (FNV-1a over the characters, then a SplitMix64 finaliser), never by
/// <see cref="string.GetHashCode()"/>, which differs between processes: a stored signature must mean the same on
/// every machine and in every run.
/// </summary>
internal static class Shingles
{
    /// <summary>Words per shingle: five is long enough that ordinary phrases ("the Minister said today that") rarely repeat by chance.</summary>
    public const int Width = 5;

    public static ulong[] Of(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(InitialCapacity(text));
        try
        {
            // Counted first: hashing may replace the buffer with a larger one.
            var count = Hash(text, ref buffer);
            var sorted = buffer.AsSpan(0, count);
            sorted.Sort();
            var distinct = 0;
            for (var k = 0; k < sorted.Length; k++)
            {
                if (k == 0 || sorted[k] != sorted[distinct - 1])
                {
                    sorted[distinct++] = sorted[k];
                }
            }

            return sorted[..distinct].ToArray();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// How many distinct shingles <paramref name="text"/> has, and its MinHash signature when there are at least
    /// <paramref name="minShingles"/>: what <see cref="Of"/> followed by <see cref="MinHash.Of(ReadOnlySpan{ulong})"/> gives,
    /// without sorting: the ingest signs every body it reads, and leaving the sort out made that about a quarter
    /// cheaper (docs/performance.md, "What each lever bought").
    /// </summary>
    public static (int Count, uint[]? Signature) Sign(ReadOnlySpan<char> text, int minShingles)
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(InitialCapacity(text));
        try
        {
            // Counted first: hashing may replace the buffer with a larger one.
            var hashed = Hash(text, ref buffer);
            var distinct = buffer.AsSpan(0, KeepDistinct(buffer.AsSpan(0, hashed)));
            return (distinct.Length, distinct.Length >= minShingles ? MinHash.Of(distinct) : null);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>Every shingle's hash in reading order, repeats included, into <paramref name="buffer"/> (a pooled array, replaced when too small); returns how many.</summary>
    private static int Hash(ReadOnlySpan<char> text, ref ulong[] buffer)
    {
        var words = 0;
        var i = 0;
        while (NextWord(text, ref i, out var word))
        {
            if (words == buffer.Length)
            {
                var larger = ArrayPool<ulong>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, words).CopyTo(larger);
                ArrayPool<ulong>.Shared.Return(buffer);
                buffer = larger;
            }

            buffer[words++] = word;
        }

        return CombineInPlace(buffer.AsSpan(0, words));
    }

    /// <summary>
    /// Turns the words' hashes into the shingles' (the shingle starting at word k takes word k's place) and returns how
    /// many shingles there are. Each shingle's hash is a chain of <see cref="Width"/> mixes, which the chains of its
    /// neighbours cannot share, so eight chains run side by side in a vector where the processor multiplies 64-bit
    /// lanes; the values are those of the scalar chain (integer arithmetic is exact). In place is safe: the shingle
    /// starting at word k is the last to read word k, and each block of eight reads its words before it writes.
    /// </summary>
    private static int CombineInPlace(Span<ulong> hashes)
    {
        var count = Math.Max(hashes.Length - Width + 1, 0);
        var k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k + Vector512<ulong>.Count <= count; k += Vector512<ulong>.Count)
            {
                var hash = Vector512<ulong>.Zero;
                for (var j = 0; j < Width; j++)
                {
                    hash = Mix(hash ^ Vector512.Create<ulong>(hashes[(k + j)..]));
                }

                hash.CopyTo(hashes[k..]);
            }
        }

        for (; k < count; k++)
        {
            hashes[k] = Combine(hashes.Slice(k, Width));
        }

        return count;
    }

    /// <summary>
    /// Moves the distinct values among <paramref name="hashes"/> to its front, in first-seen order, and returns how many
    /// there are, by an open-addressed table (they are well mixed already). The signature's minima are the same over
    /// the distinct values as over all of them, with fewer values to multiply.
    /// </summary>
    private static int KeepDistinct(Span<ulong> hashes)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(hashes.Length * 2, 16));
        var table = ArrayPool<ulong>.Shared.Rent(size);
        try
        {
            // Zero marks an empty slot, so a hash of zero (one input in 2^64 gives it) is kept apart.
            Array.Clear(table, 0, size);
            var mask = size - 1;
            var distinct = 0;
            var zero = false;
            foreach (var hash in hashes)
            {
                if (hash == 0)
                {
                    if (!zero)
                    {
                        zero = true;
                        hashes[distinct++] = 0;
                    }

                    continue;
                }

                var slot = (int)hash & mask;
                while (table[slot] != 0 && table[slot] != hash)
                {
                    slot = (slot + 1) & mask;
                }

                if (table[slot] == 0)
                {
                    table[slot] = hash;
                    // Never ahead of the value being read: at most one write per value read so far.
                    hashes[distinct++] = hash;
                }
            }

            return distinct;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(table);
        }
    }

    private static int InitialCapacity(ReadOnlySpan<char> text) => Math.Max(text.Length / 6, 16);

    /// <summary>How many of <paramref name="mine"/> (sorted, distinct) are also in <paramref name="theirs"/>.</summary>
    public static int CountShared(ReadOnlySpan<ulong> mine, ReadOnlySpan<ulong> theirs)
    {
        int a = 0, b = 0, shared = 0;
        while (a < mine.Length && b < theirs.Length)
        {
            if (mine[a] < theirs[b])
            {
                a++;
            }
            else if (mine[a] > theirs[b])
            {
                b++;
            }
            else
            {
                shared++;
                a++;
                b++;
            }
        }

        return shared;
    }

    private static bool NextWord(ReadOnlySpan<char> text, ref int i, out ulong hash)
    {
        while (i < text.Length && !IsWordCharacter(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            hash = 0;
            return false;
        }

        const ulong FnvOffset = 14695981039346656037;
        const ulong FnvPrime = 1099511628211;
        hash = FnvOffset;
        for (; i < text.Length && IsWordCharacter(text[i]); i++)
        {
            hash = (hash ^ Lower(text[i])) * FnvPrime;
        }

        return true;
    }

    // ASCII first: nearly every character of the corpus is, and the general calls cost more than the rest of the work.
    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c));

    private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 128 ? c : char.ToLowerInvariant(c);

    /// <summary>One shingle: its words' hashes mixed in reading order.</summary>
    private static ulong Combine(ReadOnlySpan<ulong> words)
    {
        var hash = 0UL;
        foreach (var word in words)
        {
            hash = Mix(hash ^ word);
        }

        return hash;
    }

    /// <summary>SplitMix64's finaliser: every input bit moves about half the output bits.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> of each lane.</summary>
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }
}
