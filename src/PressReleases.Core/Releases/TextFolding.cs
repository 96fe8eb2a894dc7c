using System.Buffers;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace PressReleases.Core.Releases;

/// <summary>Pure text helpers shared by names, slugs and titles.</summary>
public static class TextFolding
{
    // One character folds to at most four ("⑽" becomes "(10)"): ASCIIFoldingFilter's documented bound.
    private const int MaxFoldedLength = 4;

    /// <summary>
    /// Folds letters to ASCII ("Māori" → "Maori", "ﬁ" → "fi") with the very code the search analyzer folds
    /// terms with (<see cref="ASCIIFoldingFilter"/>), so a name, its slug and its index terms can never disagree
    /// about a letter's ASCII form. Characters the folding has no ASCII form for are kept as they are.
    /// The text is composed (NFC) first because the folding knows precomposed letters only: "Ma\u0304ori"
    /// (a + combining macron) must fold as "Māori" does. The analyzer composes each word that holds a combining
    /// mark before folding it (<see cref="Search.Analysis.ComposedMarks"/>), so its terms agree here too.
    /// </summary>
    public static string FoldToAscii(string value)
    {
        if (Ascii.IsValid(value))
        {
            return value;
        }

        var composed = Composed(value);
        var input = ArrayPool<char>.Shared.Rent(composed.Length);
        var output = ArrayPool<char>.Shared.Rent(composed.Length * MaxFoldedLength);
        try
        {
            composed.CopyTo(input);
            var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, composed.Length);
            return new string(output, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(input);
            ArrayPool<char>.Shared.Return(output);
        }
    }

    /// <summary>
    /// Whether <see cref="Composed"/> could change <paramref name="text"/>: it has a character from U+0300 up (below
    /// it there are no combining marks, so nothing composes) and is not already in NFC. Text normalisation refuses
    /// (a lone surrogate) is left as it is.
    /// </summary>
    internal static bool MayCompose(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyExceptInRange('\u0000', '\u02FF'))
        {
            return false;
        }

        try
        {
            return !text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The text in Unicode NFC, or as it is when normalisation refuses it.</summary>
    internal static string Composed(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Normalization refuses lone surrogates and U+FFFE; such text is folded as it is rather than failing.
            return value;
        }
    }

    /// <summary>Typographic apostrophes and quotes become their ASCII forms so "O’Connor" equals "O'Connor".</summary>
    public static string NormalizePunctuation(string value) =>
        value.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'')
             .Replace('\u201C', '"').Replace('\u201D', '"');

    /// <summary>Trims and collapses runs of whitespace (the export has "Associate  Minister" with two spaces).</summary>
    public static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Removes Unicode control and format characters that have no place in a one-line name or title.</summary>
    public static string RemoveControlCharacters(string value)
    {
        var needsWork = false;
        foreach (var c in value)
        {
            if (IsUnwanted(c))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(IsUnwanted(c) ? ' ' : c);
        }

        return builder.ToString();

        static bool IsUnwanted(char c) =>
            char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
