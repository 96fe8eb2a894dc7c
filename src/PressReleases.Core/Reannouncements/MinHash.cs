using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace PressReleases.Core.Reannouncements;

/// <summary>
/// MinHash signatures: for each of <see cref="Length"/> hash functions, the smallest value it gives any of a
/// text's shingles. Two texts' signatures agree at a position with probability equal to the Jaccard similarity
/// of their shingle sets, so signatures stand in for the texts when looking for candidates. The functions are
/// multiply-shift hashes <c>(a·x + b) >> 32</c> whose constants come from SplitMix64 with a fixed seed: the same
/// on every machine, in every run, so stored signatures stay comparable. Changing the seed, the length or the
/// shingling makes every stored signature stale (bump <see cref="Version"/>).
/// Eight functions are computed at once in 512-bit vectors where the processor has them, else four in 256-bit
/// ones: the minimum of the whole 64-bit values is taken and shifted at the end, which gives the same result as
/// shifting each value (the shift keeps order). Integer arithmetic is exact, so every width, and a machine without
/// vector multiplies, computes the same signature.
/// </summary>
internal static class MinHash
{
    public const int Length = 128;

    /// <summary>Stored with each signature's bytes; a signature of another version is computed again.</summary>
    public const byte Version = 1;

    private const ulong Seed = 0x5EED_2026_0017_0001;

    private static readonly ulong[] MultiplierValues = new ulong[Length];
    private static readonly ulong[] OffsetValues = new ulong[Length];

    // The same functions laid out four or eight to a vector: which width runs is the machine's business, the
    // signature is the same (integer arithmetic is exact).
    private static readonly Vector256<ulong>[] Multipliers256;
    private static readonly Vector256<ulong>[] Offsets256;
    private static readonly Vector512<ulong>[] Multipliers512;
    private static readonly Vector512<ulong>[] Offsets512;

    static MinHash()
    {
        var state = Seed;
        for (var i = 0; i < Length; i++)
        {
            // Odd multipliers, so each function is a bijection on the low bits it sees.
            MultiplierValues[i] = Next(ref state) | 1;
            OffsetValues[i] = Next(ref state);
        }

        Multipliers256 = Vectors256(MultiplierValues);
        Offsets256 = Vectors256(OffsetValues);
        Multipliers512 = Vectors512(MultiplierValues);
        Offsets512 = Vectors512(OffsetValues);
    }

    /// <summary>
    /// The signature of a text's shingles. Repeated shingles may be given (a minimum is the same over a set and over
    /// a list of its members), so the ingest hashes a body's shingles once and never sorts them.
    /// </summary>
    public static uint[] Of(ReadOnlySpan<ulong> shingles) => Of(shingles, wide: Vector512.IsHardwareAccelerated);

    /// <summary><see cref="Of(ReadOnlySpan{ulong})"/> eight functions at a time (<paramref name="wide"/>) or four.</summary>
    internal static uint[] Of(ReadOnlySpan<ulong> shingles, bool wide)
    {
        Span<ulong> minima = stackalloc ulong[Length];
        if (wide)
        {
            Minima512(shingles, minima);
        }
        else
        {
            Minima256(shingles, minima);
        }

        // The minimum of the whole 64-bit values, shifted: the same as the minimum of the shifted values (the shift keeps order).
        var signature = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            signature[i] = (uint)(minima[i] >> 32);
        }

        return signature;
    }

    // One group of functions at a time over every shingle, so the group's multipliers, offsets and minima stay in
    // registers; two minima per group, so consecutive shingles do not wait on each other's comparison.
    private static void Minima256(ReadOnlySpan<ulong> shingles, Span<ulong> result)
    {
        for (var v = 0; v < Multipliers256.Length; v++)
        {
            var multiplier = Multipliers256[v];
            var offset = Offsets256[v];
            var even = Vector256<ulong>.AllBitsSet;
            var odd = Vector256<ulong>.AllBitsSet;
            var i = 0;
            for (; i + 1 < shingles.Length; i += 2)
            {
                even = Vector256.Min(even, (Vector256.Create(shingles[i]) * multiplier) + offset);
                odd = Vector256.Min(odd, (Vector256.Create(shingles[i + 1]) * multiplier) + offset);
            }

            if (i < shingles.Length)
            {
                even = Vector256.Min(even, (Vector256.Create(shingles[i]) * multiplier) + offset);
            }

            Vector256.Min(even, odd).CopyTo(result[(v * Vector256<ulong>.Count)..]);
        }
    }

    private static void Minima512(ReadOnlySpan<ulong> shingles, Span<ulong> result)
    {
        for (var v = 0; v < Multipliers512.Length; v++)
        {
            var multiplier = Multipliers512[v];
            var offset = Offsets512[v];
            var even = Vector512<ulong>.AllBitsSet;
            var odd = Vector512<ulong>.AllBitsSet;
            var i = 0;
            for (; i + 1 < shingles.Length; i += 2)
            {
                even = Vector512.Min(even, (Vector512.Create(shingles[i]) * multiplier) + offset);
                odd = Vector512.Min(odd, (Vector512.Create(shingles[i + 1]) * multiplier) + offset);
            }

            if (i < shingles.Length)
            {
                even = Vector512.Min(even, (Vector512.Create(shingles[i]) * multiplier) + offset);
            }

            Vector512.Min(even, odd).CopyTo(result[(v * Vector512<ulong>.Count)..]);
        }
    }

    private static Vector256<ulong>[] Vectors256(ulong[] values) =>
        [.. Enumerable.Range(0, Length / Vector256<ulong>.Count).Select(v => Vector256.Create<ulong>(values.AsSpan(v * Vector256<ulong>.Count)))];

    private static Vector512<ulong>[] Vectors512(ulong[] values) =>
        [.. Enumerable.Range(0, Length / Vector512<ulong>.Count).Select(v => Vector512.Create<ulong>(values.AsSpan(v * Vector512<ulong>.Count)))];

    /// <summary>The share of positions at which two signatures agree: an estimate of their texts' Jaccard similarity.</summary>
    public static double EstimateJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return same / (double)Length;
    }

    /// <summary>The signature as stored: the version byte, then each value little-endian.</summary>
    public static byte[] ToBytes(ReadOnlySpan<uint> signature)
    {
        var bytes = new byte[1 + (Length * sizeof(uint))];
        bytes[0] = Version;
        for (var i = 0; i < Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1 + (i * sizeof(uint))), signature[i]);
        }

        return bytes;
    }

    /// <summary>A stored signature, or null when it is empty or of another version (to be computed again).</summary>
    public static uint[]? FromBytes(ReadOnlySpan<byte> bytes)
    {
        var signature = new uint[Length];
        return TryRead(bytes, signature) ? signature : null;
    }

    /// <summary>Whether stored bytes are a signature of this version: <see cref="FromBytes"/> without reading it.</summary>
    public static bool IsCurrent(ReadOnlySpan<byte> bytes) => bytes.Length == 1 + (Length * sizeof(uint)) && bytes[0] == Version;

    /// <summary>
    /// Reads a stored signature into <paramref name="signature"/> (at least <see cref="Length"/> values), so a pass
    /// over every stored signature needs no array per row; false, leaving it as it was, when the bytes are not
    /// <see cref="IsCurrent"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, Span<uint> signature)
    {
        if (!IsCurrent(bytes))
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(1 + (i * sizeof(uint)))..]);
        }

        return true;
    }

    private static ulong Next(ref ulong state) => Shingles.Mix(state += 0x9E3779B97F4A7C15);
}
