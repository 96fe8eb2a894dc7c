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
        var inParts = new CandidateBuckets(wanted);
        var part = new LshBands(0, 20, 3, signatures.Count);
        foreach (var (first, count) in new[] { (0, 5), (5, 20), (25, 17) })
        {
            // One table, restarted for each part, as the detector takes them.
            part.Restart(first, count);
            signatures.ForEach(s => part.Add(signatures.IndexOf(s), s));
            part.Seal();
            part.AddBucketsTo(inParts);
        }

        var expected = all.CandidatePairs(wanted);
        Assert.True(expected.Count > 4, $"only {expected.Count} pairs: the texts should overlap more");
        var pairs = inParts.Pairs().ToList();
        Assert.Equal(expected.Order(), pairs.Order());
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Buckets_GiveEachPairWithAWantedRelease_Once_FromTheFirstBucketTheTwoShare()
    {
        var candidates = new CandidateBuckets(new HashSet<int> { 1, 7 });
        candidates.Add([3, 1, 2]);
        candidates.Add([5, 6]);     // no wanted release: not kept
        candidates.Add([2, 1, 7]);  // (1, 2) again, from another band
        candidates.Add([4]);        // alone: no pair

        Assert.Equal(2, candidates.Buckets);
        Assert.Equal([(1, 2), (1, 3), (1, 7), (2, 7)], candidates.Pairs().Order());
        Assert.Equal([1, 2, 3, 7], candidates.Releases().Order());

        // (2, 3) share a bucket, but neither is wanted.
        Assert.DoesNotContain((2, 3), candidates.Pairs());
        Assert.Empty(new CandidateBuckets(new HashSet<int> { 1 }).Pairs());
    }

    [Fact]
    public void MoreBandsThanTheSignatureHolds_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshBands(43, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshBands(40, 3, 3, 1));

        // A table holds no more bands than it was made for, and restarted still no more than the signature holds.
        var table = new LshBands(0, 5, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Restart(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Restart(40, 3));
        table.Restart(37, 5);
        Assert.Equal((37, 5), (table.FirstBand, table.Bands));
    }
}
