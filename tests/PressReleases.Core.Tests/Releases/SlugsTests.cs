using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;

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
    [InlineData("Wha\u0304nau Ora", "whanau-ora")] // decomposed: a + combining macron
    [InlineData("O\uFB03ce of the \uFB01rst Minister", "office-of-the-first-minister")] // ligatures
    [InlineData("\u0132sselmeer Diyarbak\u0131r", "ijsselmeer-diyarbakir")]
    [InlineData("Baq\u0304ir", "baqir")] // a mark on a letter with no precomposed form stays in its word
    public void From_LowerCasesFoldsDiacriticsDropsApostrophesAndJoinsWordsWithOneDash(string value, string expected) =>
        Assert.Equal(expected, Slugs.From(value));

    [Theory]
    [InlineData("Govt\u00B3: walking the talk", "govt-walking-the-talk")] // a superscript is no digit: the tokenizer ends the word there
    [InlineData("Kapa haka \u247D", "kapa-haka")] // a parenthesized number is a symbol, not "(10)"
    [InlineData("O\u201Bneill", "o-neill")] // a reversed quote is punctuation, not an apostrophe inside a word
    [InlineData("Te Reo\u2013M\u0101ori", "te-reo-maori")] // an en dash
    public void From_CharactersThatAreNotLettersOrDigitsSeparateWords_BeforeFolding(string value, string expected) =>
        Assert.Equal(expected, Slugs.From(value));

    [Theory]
    [InlineData("Govt\u00B3: walking the talk")]
    [InlineData("O\u201Bneill")]
    [InlineData("O\uFB03ce of the \uFB01rst Minister")]
    [InlineData("Whānau Ora, Øresund, Straße, Łódź")]
    [InlineData("\u0132sselmeer Diyarbak\u0131r \uFF2E\uFF3A")]
    public void From_WordsAreTheAnalyzersWholeWordTerms(string value) =>
        Assert.Equal(new ReleaseAnalyzer().Terms(IndexFields.Words, value), Slugs.From(value).Split('-'));

    [Theory]
    [InlineData("a\uFFFEb", "a-b")]
    [InlineData("a\uD800b", "a-b")] // a lone surrogate
    public void From_CodePointsNormalizationRefuses_SeparateWords(string value, string expected) =>
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
