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
        var runs = new List<(int A, int B)[]>();
        var part = new LshBands(0, 20, 3, signatures.Count);
        foreach (var (first, count) in new[] { (0, 5), (5, 20), (25, 17) })
        {
            // One table, restarted for each part, as the detector takes them.
            part.Restart(first, count);
            signatures.ForEach(s => part.Add(signatures.IndexOf(s), s));
            part.Seal();
            runs.Add(part.CandidatePairs(wanted));
        }

        var expected = all.CandidatePairs(wanted);
        Assert.True(expected.Length > 4, $"only {expected.Length} pairs: the texts should overlap more");
        Assert.True(runs.Sum(run => run.Length) > expected.Length, "no pair shares bands in two parts: the union is not tested");
        Assert.Equal(expected, CandidatePairList.Union(runs));
    }

    [Fact]
    public void CandidatePairs_AreSorted_EachOnce_AsTheUnionOfSortedRunsIs()
    {
        Assert.Equal([(1, 2), (1, 5), (3, 4)], CandidatePairList.SortedDistinct([(3, 4), (1, 5), (1, 2), (3, 4), (1, 2)]));
        Assert.Empty(CandidatePairList.SortedDistinct([]));

        (int, int)[][] runs = [[(1, 2), (2, 9)], [], [(1, 2), (1, 3), (5, 6)], [(2, 9), (7, 8)]];
        Assert.Equal([(1, 2), (1, 3), (2, 9), (5, 6), (7, 8)], CandidatePairList.Union(runs));
        Assert.Empty(CandidatePairList.Union([]));
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
