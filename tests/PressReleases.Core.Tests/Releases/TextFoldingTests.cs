using PressReleases.Core.Releases;

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
