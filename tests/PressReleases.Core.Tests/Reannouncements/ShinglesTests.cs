using PressReleases.Core.Reannouncements;

namespace PressReleases.Core.Tests.Reannouncements;

public class ShinglesTests
{
    [Fact]
    public void EachRunOfFiveWords_IsOneShingle()
    {
        Assert.Empty(Shingles.Of("only four words here"));
        Assert.Single(Shingles.Of("exactly five words are here"));
        Assert.Equal(96, Shingles.Of(Prose.Words(1, 100)).Length);
    }

    [Fact]
    public void CasePunctuationAndLineBreaks_DoNotCount()
    {
        var plain = Shingles.Of("the minister said today that funding will rise for schools");
        var styled = Shingles.Of("The Minister said, today: \"that funding\n\nwill RISE — for schools.\"");

        Assert.Equal(plain, styled);
    }

    [Fact]
    public void WordOrderCounts_AndRepeatedRunsCountOnce()
    {
        Assert.NotEqual(Shingles.Of("one two three four five"), Shingles.Of("five four three two one"));
        Assert.Single(Shingles.Of("one two three four five. One two three four five"), Shingles.Of("one two three four five")[0]);
        // Ten words make six runs; the sixth is the first again.
        Assert.Equal(5, Shingles.Of("one two three four five. One two three four five").Length);
    }

    [Fact]
    public void LettersBeyondAscii_AreWordLetters()
    {
        Assert.Single(Shingles.Of("Māori tūī kōrero whānau aroha"));
        Assert.NotEqual(Shingles.Of("Māori tūī kōrero whānau aroha"), Shingles.Of("Maori tui korero whanau aroha"));
    }

    [Fact]
    public void Shingles_AreSortedAndDistinct()
    {
        var shingles = Shingles.Of(Prose.Words(2, 300) + " " + Prose.Words(2, 300));

        Assert.Equal(shingles.Order().Distinct(), shingles);
    }

    /// <summary>Stored signatures are compared across runs and machines: the hashing must never change silently.</summary>
    [Fact]
    public void TheHashes_AreFixed_NotPerProcess()
    {
        Assert.Equal(0x223E9A0CF5B794C8UL, Shingles.Of("the quick brown fox jumps")[0]);
    }

    /// <summary>The ingest signs bodies without sorting their shingles; the detector compares those signatures with ones made from sorted shingles.</summary>
    [Fact]
    public void Sign_GivesTheDistinctCountAndSignature_OfTheSortedShingles()
    {
        var repeated = string.Join(" ", Enumerable.Repeat(Prose.Words(3, 40), 30));
        // One-letter words give a shingle every two characters, more than the buffer first taken for the text holds.
        var shortWords = string.Join(" ", Enumerable.Range(0, 5000).Select(i => ((char)('a' + (i * 7 % 26))).ToString()));
        var texts = new[] { "", "too short to compare", Prose.Words(1, 24), Prose.Words(2, 400), repeated, Prose.Words(5, 20_000), shortWords };
        foreach (var text in texts)
        {
            var sorted = Shingles.Of(text);
            var (count, signature) = Shingles.Sign(text, ReannouncementRules.MinShingles);

            Assert.Equal(sorted.Length, count);
            Assert.Equal(sorted.Length >= ReannouncementRules.MinShingles ? MinHash.Of(sorted) : null, signature);
        }

        // Thirty copies of the same 40 words: 36 shingles within a copy and 4 across each join, repeated.
        Assert.Equal(40, Shingles.Sign(repeated, ReannouncementRules.MinShingles).Count);
    }

    [Fact]
    public void CountShared_CountsTheShinglesInBoth()
    {
        var a = Shingles.Of(Prose.Words(3, 60) + " " + Prose.Words(4, 40));
        var b = Shingles.Of(Prose.Words(3, 60) + " " + Prose.Words(5, 40));

        // The first 60 words give 56 shared runs; runs that cross into the differing text differ.
        Assert.Equal(56, Shingles.CountShared(a, b));
        Assert.Equal(a.Length, Shingles.CountShared(a, a));
        Assert.Equal(0, Shingles.CountShared(a, Shingles.Of(Prose.Words(6, 100))));
    }
}
