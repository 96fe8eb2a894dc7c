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
    public void MoreBandsThanTheSignatureHolds_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshBands(43, 3, 1));
    }
}
