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
/// Four functions are computed at once in 256-bit vectors: the minimum of the whole 64-bit values is taken and
/// shifted at the end, which gives the same result as shifting each value (the shift keeps order). Integer
/// arithmetic is exact, so a machine without vector multiplies computes the same signature, only slower.
/// </summary>
internal static class MinHash
{
    public const int Length = 128;

    /// <summary>Stored with each signature's bytes; a signature of another version is computed again.</summary>
    public const byte Version = 1;

    private const ulong Seed = 0x5EED_2026_0017_0001;

    private const int Lanes = 4;

    private static readonly Vector256<ulong>[] Multipliers = new Vector256<ulong>[Length / Lanes];
    private static readonly Vector256<ulong>[] Offsets = new Vector256<ulong>[Length / Lanes];

    static MinHash()
    {
        var state = Seed;
        Span<ulong> multipliers = stackalloc ulong[Lanes];
        Span<ulong> offsets = stackalloc ulong[Lanes];
        for (var v = 0; v < Multipliers.Length; v++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                // Odd multipliers, so each function is a bijection on the low bits it sees.
                multipliers[lane] = Next(ref state) | 1;
                offsets[lane] = Next(ref state);
            }

            Multipliers[v] = Vector256.Create<ulong>(multipliers);
            Offsets[v] = Vector256.Create<ulong>(offsets);
        }
    }

    public static uint[] Of(ReadOnlySpan<ulong> shingles)
    {
        Span<Vector256<ulong>> minima = stackalloc Vector256<ulong>[Length / Lanes];
        minima.Fill(Vector256<ulong>.AllBitsSet);
        foreach (var shingle in shingles)
        {
            var x = Vector256.Create(shingle);
            for (var v = 0; v < minima.Length; v++)
            {
                minima[v] = Vector256.Min(minima[v], (x * Multipliers[v]) + Offsets[v]);
            }
        }

        var signature = new uint[Length];
        for (var v = 0; v < minima.Length; v++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                signature[(v * Lanes) + lane] = (uint)(minima[v].GetElement(lane) >> 32);
            }
        }

        return signature;
    }

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
