using System.Runtime.InteropServices;

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
        var window = new ulong[Width];
        var words = 0;
        var hashes = new List<ulong>(text.Length / 6);
        var i = 0;
        while (NextWord(text, ref i, out var word))
        {
            window[words % Width] = word;
            words++;
            if (words >= Width)
            {
                hashes.Add(Combine(window, words));
            }
        }

        var sorted = CollectionsMarshal.AsSpan(hashes);
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

    /// <summary>The shingle ending at word <paramref name="words"/>: its words' hashes mixed in reading order.</summary>
    private static ulong Combine(ulong[] window, int words)
    {
        var hash = 0UL;
        for (var k = 0; k < Width; k++)
        {
            hash = Mix(hash ^ window[(words + k) % Width]);
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
}
