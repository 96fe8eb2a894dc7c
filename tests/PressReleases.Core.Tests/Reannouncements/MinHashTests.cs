using PressReleases.Core.Reannouncements;

namespace PressReleases.Core.Tests.Reannouncements;

public class MinHashTests
{
    [Fact]
    public void TheSameText_GivesTheSameSignature()
    {
        Assert.Equal(MinHash.Of(Shingles.Of(Prose.Words(1, 200))), MinHash.Of(Shingles.Of(Prose.Words(1, 200))));
    }

    /// <summary>Stored signatures are compared across runs and machines: the functions' constants must never change silently.</summary>
    [Fact]
    public void TheSignature_IsFixed_NotPerProcess()
    {
        var signature = MinHash.Of(Shingles.Of("the quick brown fox jumps over the lazy dog"));

        Assert.Equal(MinHash.Length, signature.Length);
        Assert.Equal([368155178u, 1479470291u, 857572098u, 442493915u], signature[..4]);
    }

    /// <summary>Which vector width runs depends on the processor; the signature must not.</summary>
    [Fact]
    public void EightFunctionsAtATime_GiveTheSameSignature_AsFour()
    {
        var texts = new[] { "the quick brown fox jumps over the lazy dog", Prose.Words(1, 200), Prose.Words(7, 5000) };
        foreach (var text in texts)
        {
            var shingles = Shingles.Of(text);
            Assert.Equal(MinHash.Of(shingles, wide: false), MinHash.Of(shingles, wide: true));
        }

        var spread = Enumerable.Range(0, 3000).Select(i => Shingles.Mix((ulong)i * 7919)).ToArray();
        Assert.Equal(MinHash.Of(spread, wide: false), MinHash.Of(spread, wide: true));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void AgreeingPositions_EstimateTheJaccardSimilarity(double jaccard)
    {
        // Two sets of 1,000 shingles sharing enough of them for the given Jaccard similarity: |A ∩ B| / |A ∪ B|.
        var shared = (int)Math.Round(2000 * jaccard / (1 + jaccard));
        var a = Enumerable.Range(0, 1000).Select(i => Shingles.Mix((ulong)i)).Order().ToArray();
        var b = Enumerable.Range(1000 - shared, 1000).Select(i => Shingles.Mix((ulong)i)).Order().ToArray();

        var estimate = MinHash.EstimateJaccard(MinHash.Of(a), MinHash.Of(b));

        // 128 functions: the standard error is at most 0.045; three of them is a wide enough margin for a fixed case.
        Assert.InRange(estimate, jaccard - 0.135, jaccard + 0.135);
    }

    [Fact]
    public void Bytes_RoundTrip_AndAnotherShapeReadsAsNone()
    {
        var signature = MinHash.Of(Shingles.Of(Prose.Words(2, 50)));
        var bytes = MinHash.ToBytes(signature);

        Assert.Equal(signature, MinHash.FromBytes(bytes));
        Assert.Null(MinHash.FromBytes([]));
        Assert.Null(MinHash.FromBytes(bytes[..^1]));
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[0]++;
        Assert.Null(MinHash.FromBytes(otherVersion));
    }
}
