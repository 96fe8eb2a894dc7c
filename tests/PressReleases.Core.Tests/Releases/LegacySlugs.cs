using System.Globalization;
using System.Text;

namespace PressReleases.Core.Tests.Releases;

/// <summary>
/// The slug rule every minister, portfolio and release slug was made with up to the change that made
/// <see cref="PressReleases.Core.Releases.Slugs"/> fold text with the search analyzer's own folding.
/// Slugs are permalinks and facet keys, so this copy must never change: <see cref="SlugStabilityTests"/>
/// holds the production rule to it over the whole corpus. It is self-contained on purpose (no production
/// helpers), so a later change to those helpers cannot move the reference along with it.
/// </summary>
internal static class LegacySlugs
{
    public static string From(string value)
    {
        var folded = FoldToAscii(NormalizePunctuation(value));
        var slug = new StringBuilder(folded.Length);
        var dashPending = false;
        foreach (var c in folded)
        {
            if (c == '\'')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                dashPending = true;
                continue;
            }

            if (dashPending && slug.Length > 0)
            {
                slug.Append('-');
            }

            dashPending = false;
            slug.Append(char.ToLowerInvariant(c));
        }

        return slug.ToString();
    }

    /// <summary>Canonical decomposition with the non-spacing marks dropped, plus a hand map of letters that have no decomposition.</summary>
    private static string FoldToAscii(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(LetterWithoutDecomposition(c) ?? c.ToString());
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? LetterWithoutDecomposition(char c) => c switch
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
        _ => null,
    };

    /// <summary>Right and left single quotes and the modifier apostrophe were apostrophes; curly double quotes were '"'.</summary>
    private static string NormalizePunctuation(string value) =>
        value.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'')
             .Replace('\u201C', '"').Replace('\u201D', '"');
}
