using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Releases;

public class SlugsTests
{
    [Theory]
    [InlineData("Māori Affairs", "maori-affairs")]
    [InlineData("Maori Affairs", "maori-affairs")]
    [InlineData("Women's Affairs", "womens-affairs")]
    [InlineData("Women’s Affairs", "womens-affairs")]
    [InlineData("Damien O’Connor", "damien-oconnor")]
    [InlineData("Damien O'Connor", "damien-oconnor")]
    [InlineData("  Arts, Culture   and Heritage!  ", "arts-culture-and-heritage")]
    [InlineData("COVID-19 Response", "covid-19-response")]
    [InlineData("Laila Harré", "laila-harre")]
    [InlineData("Søren Æbeltoft Straße", "soren-aebeltoft-strasse")]
    [InlineData("Whānau Ora", "whanau-ora")]
    public void From_LowerCasesFoldsDiacriticsDropsApostrophesAndJoinsWordsWithOneDash(string value, string expected) =>
        Assert.Equal(expected, Slugs.From(value));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("’'!?")]
    public void From_TextWithoutLettersOrDigits_IsEmpty(string value) => Assert.Equal("", Slugs.From(value));

    [Theory]
    [InlineData("Trade talks with Japan")]
    [InlineData("Māori Crown Relations: Te Arawhiti")]
    [InlineData("1996 budget -- part 2")]
    public void From_IsIdempotent(string value)
    {
        var once = Slugs.From(value);
        Assert.Equal(once, Slugs.From(once));
        Assert.True(Slugs.IsWellFormed(once));
    }

    [Theory]
    [InlineData("maori-affairs")]
    [InlineData("30433")]
    [InlineData("covid-19-response-2020-03-15")]
    public void IsWellFormed_AcceptsSlugs(string value) => Assert.True(Slugs.IsWellFormed(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Maori-Affairs")]
    [InlineData("maori--affairs")]
    [InlineData("-maori")]
    [InlineData("maori-")]
    [InlineData("../etc/passwd")]
    [InlineData("maori affairs")]
    [InlineData("māori")]
    public void IsWellFormed_RejectsAnythingThatIsNotAlreadyASlug(string? value) => Assert.False(Slugs.IsWellFormed(value));

    [Theory]
    [InlineData("maori-affairs")]
    [InlineData("enhancing-new-zealand--japan-cooperation")]
    [InlineData("trailing-")]
    [InlineData("2020")]
    public void IsSafe_AcceptsLowerCaseAsciiLettersDigitsAndDashes(string value) => Assert.True(Slugs.IsSafe(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("Upper")]
    [InlineData("../etc/passwd")]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("māori")]
    [InlineData("a%2Fb")]
    public void IsSafe_RejectsAnythingThatCouldBeAPathOrIsNotASlug(string? value) => Assert.False(Slugs.IsSafe(value));

    [Fact]
    public void IsWellFormed_RejectsSlugsLongerThan300Characters()
    {
        var ok = string.Join("-", Enumerable.Repeat("abcd", 60)); // 299 characters
        Assert.Equal(299, ok.Length);
        Assert.True(Slugs.IsWellFormed(ok));
        Assert.False(Slugs.IsWellFormed(ok + "-ab"));
        Assert.True(Slugs.IsSafe(ok));
        Assert.False(Slugs.IsSafe(ok + "-ab"));
    }
}
