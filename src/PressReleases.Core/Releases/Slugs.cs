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
        var folded = TextFolding.FoldToAscii(TextFolding.NormalizePunctuation(value));
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c == '\'')
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
