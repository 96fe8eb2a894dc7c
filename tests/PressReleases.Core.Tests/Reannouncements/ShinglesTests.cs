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

    /// <summary>
    /// Long texts have their shingles' chains computed eight at a time where the processor has 512-bit vectors; every
    /// one must be what the five-word chain gives on its own, worked out here one word at a time, whatever the number
    /// of shingles left over after the last block of eight.
    /// </summary>
    [Fact]
    public void ShinglesOfLongTexts_AreEachTheChainOfTheirFiveWords()
    {
        var texts = new[]
        {
            Prose.Words(8, 12),
            Prose.Words(8, 13) + " Māori kōrero, 2026: Tūī!",
            Prose.Words(9, 1_003),
            string.Join(" ", Enumerable.Range(0, 300).Select(i => $"W{i % 17}")),
        };
        foreach (var text in texts)
        {
            Assert.Equal(ShinglesOneAtATime(text), Shingles.Of(text));
        }
    }

    /// <summary>The definition in docs/reannouncements.md: words are runs of letters and decimal digits (<see cref="char.IsLetterOrDigit(char)"/>), lower-cased; FNV-1a over each word's characters; a shingle mixes its five words' hashes in reading order.</summary>
    private static ulong[] ShinglesOneAtATime(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{Nd}]+")
            .Select(m => m.Value.ToLowerInvariant().Aggregate(14695981039346656037UL, (hash, c) => (hash ^ c) * 1099511628211UL))
            .ToArray();
        return Enumerable.Range(0, Math.Max(words.Length - 4, 0))
            .Select(k => words.Skip(k).Take(5).Aggregate(0UL, (hash, word) => Shingles.Mix(hash ^ word)))
            .Order()
            .Distinct()
            .ToArray();
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
