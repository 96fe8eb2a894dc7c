using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Tests.Releases;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Māori", "Maori")]
    [InlineData("MĀORI", "MAORI")]
    [InlineData("Whānau Ora", "Whanau Ora")]
    [InlineData("Laila Harré", "Laila Harre")]
    [InlineData("Øresund", "Oresund")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("plain ASCII stays", "plain ASCII stays")]
    public void FoldToAscii_RemovesDiacritics(string value, string expected) => Assert.Equal(expected, TextFolding.FoldToAscii(value));

    [Fact]
    public void FoldToAscii_PrecomposedAndDecomposedFormsFoldAlike() =>
        Assert.Equal(TextFolding.FoldToAscii("M\u0101ori"), TextFolding.FoldToAscii("Ma\u0304ori"));

    [Theory]
    [InlineData("Ma\u0304ori", "Maori")] // a + combining macron
    [InlineData("\uFB01nance", "finance")] // the "fi" ligature
    [InlineData("O\uFB03ce", "Office")] // the "ffi" ligature
    [InlineData("\u0132sselmeer", "IJsselmeer")]
    [InlineData("\u0152uvre", "OEuvre")]
    [InlineData("Diyarbak\u0131r", "Diyarbakir")] // dotless i
    [InlineData("\uFF2E\uFF3A", "NZ")] // full-width letters
    public void FoldToAscii_FoldsWhatTheAnalyzerFolds(string value, string expected) =>
        Assert.Equal(expected, TextFolding.FoldToAscii(value));

    [Theory]
    [InlineData("M\u0101ori")]
    [InlineData("\uFB01nance")]
    [InlineData("\u0132sselmeer")]
    [InlineData("Stra\u00DFe")]
    [InlineData("\u00D8resund")]
    [InlineData("\u00DEingvellir")]
    [InlineData("\u00C6beltoft")]
    public void FoldToAscii_LowerCased_IsTheWordsIndexTerm(string word) =>
        Assert.Equal([TextFolding.FoldToAscii(word).ToLowerInvariant()], new ReleaseAnalyzer().Terms(IndexFields.Words, word));

    [Fact]
    public void FoldToAscii_PureAscii_IsReturnedAsItIs()
    {
        var value = "Maori Affairs";
        Assert.Same(value, TextFolding.FoldToAscii(value));
    }

    [Theory]
    [InlineData("\u039A\u03C1\u03AE\u03C4\u03B7")] // Greek: no ASCII form
    [InlineData("a\uFFFEb")] // a code point normalization refuses
    public void FoldToAscii_KeepsWhatHasNoAsciiForm(string value) => Assert.Equal(value, TextFolding.FoldToAscii(value));

    [Fact]
    public void NormalizePunctuation_TypographicQuotesBecomeAscii() =>
        Assert.Equal("O'Connor said \"yes\" and 'no'", TextFolding.NormalizePunctuation("O’Connor said “yes” and ‘no’"));

    [Theory]
    [InlineData("  a   b\t\tc \n d  ", "a b c d")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void CollapseWhitespace_TrimsAndCollapses(string value, string expected) =>
        Assert.Equal(expected, TextFolding.CollapseWhitespace(value));

    [Fact]
    public void RemoveControlCharacters_ReplacesControlAndFormatCharactersWithSpaces()
    {
        var cleaned = TextFolding.RemoveControlCharacters("a\u0007b\u200Bc\u2028d\te");
        Assert.Equal("a b c d e", cleaned);
        Assert.Same("untouched", TextFolding.RemoveControlCharacters("untouched"));
    }
}
