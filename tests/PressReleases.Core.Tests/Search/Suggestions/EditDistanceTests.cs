using PressReleases.Core.Search.Suggestions;

namespace PressReleases.Core.Tests.Search.Suggestions;

/// <summary>The did-you-mean edit distance: insertions, deletions, substitutions, adjacent swaps as one edit.</summary>
public class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 5, 3)]
    [InlineData("teh", "the", 2, 1)]
    [InlineData("goverment", "government", 2, 1)]
    [InlineData("minister", "minister", 2, 0)]
    [InlineData("", "tax", 3, 3)]
    [InlineData("tax", "", 3, 3)]
    [InlineData("abcd", "badc", 3, 2)]
    public void CountsEdits(string a, string b, int limit, int expected) =>
        Assert.Equal(expected, SpellingSuggester.EditDistance(a, b, limit));

    [Theory]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("health", "education", 2)]
    [InlineData("a", "abcdef", 1)]
    public void ReportsLimitPlusOne_WhenTheDistanceIsAboveTheLimit(string a, string b, int limit) =>
        Assert.Equal(limit + 1, SpellingSuggester.EditDistance(a, b, limit));

    /// <summary>Words longer than the rows kept on the stack take the heap path; the answer must not change.</summary>
    [Fact]
    public void LongWords_AreMeasuredLikeShortOnes()
    {
        var longWord = new string('a', 100) + "ministry" + new string('b', 100);
        var swapped = new string('a', 100) + "minsitry" + new string('b', 100);
        var substituted = new string('a', 100) + "ministro" + new string('b', 100);

        Assert.Equal(1, SpellingSuggester.EditDistance(longWord, swapped, 2));
        Assert.Equal(1, SpellingSuggester.EditDistance(longWord, substituted, 2));
        Assert.Equal(2, SpellingSuggester.EditDistance(longWord + "xy", longWord, 2));
        Assert.Equal(3, SpellingSuggester.EditDistance(longWord + "xyz", longWord, 2));
    }

    /// <summary>The letter-set bound that rules out most name words first must never exceed the true distance.</summary>
    [Fact]
    public void FewestEdits_IsALowerBound_OnRandomPairsAndEdits()
    {
        var random = new Random(20261128);
        const string letters = "aeioulnrstmkhpwg-";
        string RandomWord(int length) => new(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray());

        for (var i = 0; i < 5000; i++)
        {
            var a = RandomWord(random.Next(1, 10));
            // Half the pairs are a word and a few random edits of it, the rest unrelated words.
            var b = i % 2 == 0 ? Edit(a, random.Next(0, 4), random, letters) : RandomWord(random.Next(1, 10));
            var distance = SpellingSuggester.EditDistance(a, b, 20);
            Assert.True(SpellingSuggester.FewestEdits(a, b) <= distance, $"{a} / {b}: bound {SpellingSuggester.FewestEdits(a, b)}, distance {distance}");
        }
    }

    [Theory]
    [InlineData("robertson", "robertson", 0)]
    [InlineData("robertsno", "robertson", 0)]
    [InlineData("climate", "robertson", 5)]
    [InlineData("hipkins", "hipkin", 1)]
    public void FewestEdits_CountsLettersUsedByOnlyOneWord(string a, string b, int expected) =>
        Assert.Equal(expected, SpellingSuggester.FewestEdits(a, b));

    private static string Edit(string word, int edits, Random random, string letters)
    {
        var chars = word.ToList();
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(4))
            {
                case 0: chars.Insert(at, letters[random.Next(letters.Length)]); break;
                case 1 when chars.Count > 1 && at < chars.Count: chars.RemoveAt(at); break;
                case 2 when at < chars.Count: chars[at] = letters[random.Next(letters.Length)]; break;
                case 3 when at + 1 < chars.Count: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            }
        }

        return new string(chars.ToArray());
    }
}
