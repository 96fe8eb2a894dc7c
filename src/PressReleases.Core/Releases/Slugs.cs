using System.Globalization;
using System.Text;

namespace PressReleases.Core.Releases;

/// <summary>URL slugs: lower case, ASCII-folded, every run of other characters becomes one '-'.</summary>
public static class Slugs
{
    /// <summary>
    /// Apostrophes inside words are dropped rather than turned into '-', so "Women's Affairs" is
    /// "womens-affairs" and "O’Connor" is "oconnor": the slug reads as the name does.
    /// </summary>
    public static string From(string value)
    {
        var folded = TextFolding.FoldToAscii(WordCharactersOnly(TextFolding.NormalizePunctuation(value)));
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            // A mark left on a letter that has no ASCII form is dropped, not made a dash: it belongs to its letter.
            if (c == '\'' || IsNonSpacingMark(c))
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Where words end is decided on the text as written, before folding: a character outside ASCII that is
    /// not a letter, a digit or a non-spacing mark (punctuation, symbols, and numbers that are not digits, such
    /// as "³" or "⑽") becomes a space. That is where the analyzer's tokenizer ends words, and where slugs always
    /// ended them; folded first, "Govt³" would become "govt3" where its index term is "govt".
    /// </summary>
    private static string WordCharactersOnly(string value)
    {
        foreach (var c in value)
        {
            if (IsSeparatorOutsideAscii(c))
            {
                return string.Create(value.Length, value, static (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = IsSeparatorOutsideAscii(text[i]) ? ' ' : text[i];
                    }
                });
            }
        }

        return value;
    }

    private static bool IsSeparatorOutsideAscii(char c) => !char.IsAscii(c) && !char.IsLetterOrDigit(c) && !IsNonSpacingMark(c);

    private static bool IsNonSpacingMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>True when <paramref name="value"/> is exactly what <see cref="From"/> makes (minister and portfolio slugs).</summary>
    public static bool IsWellFormed(string? value) => IsSafe(value) && value == From(value!);

    /// <summary>
    /// True when <paramref name="value"/> can be a release slug: 1–300 characters of lower-case ASCII letters,
    /// digits and '-', starting with a letter or digit. Safe to look up, never a path.
    /// </summary>
    public static bool IsSafe(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 300 || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
