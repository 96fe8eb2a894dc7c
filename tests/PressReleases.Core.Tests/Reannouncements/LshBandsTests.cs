using PressReleases.Core.Reannouncements;

namespace PressReleases.Core.Tests.Reannouncements;

public class LshBandsTests
{
    private static uint[] SignatureOf(string text) => MinHash.Of(Shingles.Of(text));

    [Fact]
    public void ANearDuplicate_IsACandidate_AndUnrelatedTextsAreNot()
    {
        var original = Prose.Words(1, 300);
        var edited = Prose.Words(1, 280) + " " + Prose.Words(2, 20);
        var bands = new LshBands(42, 3, 60);
        bands.Add(1, SignatureOf(original));
        bands.Add(2, SignatureOf(edited));
        for (var seed = 10; seed < 60; seed++)
        {
            bands.Add(seed, SignatureOf(Prose.Words(seed, 300)));
        }

        bands.Seal();

        Assert.Equal([(1, 2)], bands.CandidatePairs(new HashSet<int> { 1 }));
        Assert.Equal([(1, 2)], bands.CandidatePairs(new HashSet<int> { 2 }));
        Assert.Empty(bands.CandidatePairs(new HashSet<int> { 10, 11, 12 }));
    }

    [Fact]
    public void IdenticalTexts_AreEachOthersCandidates_OncePerPair()
    {
        var text = Prose.Words(3, 100);
        var bands = new LshBands(42, 3, 60);
        bands.Add(1, SignatureOf(text));
        bands.Add(2, SignatureOf(text));
        bands.Add(3, SignatureOf(text));
        bands.Seal();

        Assert.Equal([(1, 2), (1, 3), (2, 3)], bands.CandidatePairs(new HashSet<int> { 1, 2, 3 }).Order());
        Assert.Equal([(1, 2), (1, 3)], bands.CandidatePairs(new HashSet<int> { 1 }).Order());
    }

    [Fact]
    public void TablesOfSomeBands_TogetherGiveThePairsOfOneTableOfAll()
    {
        // Texts sharing from a little to most of their words, so pairs meet in different bands.
        var signatures = Enumerable.Range(0, 40)
            .Select(i => SignatureOf(Prose.Words(1, 100 + (5 * i)) + " " + Prose.Words(100 + i, 300 - (5 * i))))
            .ToList();
        var wanted = new HashSet<int> { 0, 7, 21, 39 };

        var all = new LshBands(42, 3, signatures.Count);
        signatures.ForEach(s => all.Add(signatures.IndexOf(s), s));
        all.Seal();
        var inParts = new HashSet<(int, int)>();
        foreach (var (first, count) in new[] { (0, 5), (5, 20), (25, 17) })
        {
            var part = new LshBands(first, count, 3, signatures.Count);
            signatures.ForEach(s => part.Add(signatures.IndexOf(s), s));
            part.Seal();
            inParts.UnionWith(part.CandidatePairs(wanted));
        }

        var expected = all.CandidatePairs(wanted);
        Assert.True(expected.Count > 4, $"only {expected.Count} pairs: the texts should overlap more");
        Assert.Equal(expected.Order(), inParts.Order());
    }

    [Fact]
    public void MoreBandsThanTheSignatureHolds_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshBands(43, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshBands(40, 3, 3, 1));
    }
}
