using System.Globalization;
using System.Text;

namespace PressReleases.Core.Releases;

/// <summary>Pure text helpers shared by names, slugs and titles.</summary>
public static class TextFolding
{
    /// <summary>Removes diacritics ("Māori" → "Maori") and maps a few letters that have no decomposition.</summary>
    public static string FoldToAscii(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ø' => "o",
                'Ø' => "O",
                'æ' => "ae",
                'Æ' => "AE",
                'ß' => "ss",
                'ł' => "l",
                'Ł' => "L",
                'đ' => "d",
                'Đ' => "D",
                'þ' => "th",
                'Þ' => "Th",
                _ => c.ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
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
