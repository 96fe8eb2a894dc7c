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

    [Theory]
    [InlineData("Ma\u0304ori", true)] // a combining macron
    [InlineData("\u304B\u3099", true)] // a kana and its voicing mark
    [InlineData("\u1112\u1161\u11AB", true)] // conjoining Hangul jamo
    [InlineData("M\u0101ori", false)] // already composed, and below U+0300
    [InlineData("\u304C\u3063\u3053\u3046", false)] // already composed, above U+0300
    [InlineData("plain", false)]
    [InlineData("\uD800\u0304", false)] // a lone surrogate: normalisation refuses it, so it is left as it is
    public void MayCompose_IsTrueExactlyWhenComposingChangesTheText(string value, bool expected)
    {
        Assert.Equal(expected, TextFolding.MayCompose(value));
        if (!value.Contains('\uD800'))
        {
            Assert.Equal(expected, TextFolding.Composed(value) != value);
        }
    }

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
