using PressReleases.Core.Search;

namespace PressReleases.Core.Tests.Search;

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
}
