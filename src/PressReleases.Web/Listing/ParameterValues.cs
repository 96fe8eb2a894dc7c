using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Primitives;

namespace PressReleases.Web.Listing;

/// <summary>
/// How a listing parameter's text is read: one value (the last that is not blank, so a parameter repeated by a
/// form or a hand-edited URL still means one thing), a list of slugs, a date, a whole number, a choice. What
/// cannot be used becomes a <see cref="QueryProblem"/> naming the parameter; nothing here throws.
/// </summary>
internal static class ParameterValues
{
    public static string? Single(StringValues values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(values[i]))
            {
                return values[i]!.Trim();
            }
        }

        return null;
    }

    /// <summary>Search text: trimmed, null when blank, with characters that never mean anything in a search made spaces.</summary>
    public static string? Text(StringValues values)
    {
        var text = WithoutControlCharacters(Single(values))?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Well-formed slugs in the order given, each once, at most <see cref="ListingParameters.MaxSelected"/>.</summary>
    public static IReadOnlyList<string> Slugs(string name, StringValues values, List<QueryProblem> problems)
    {
        var slugs = new List<string>();
        foreach (var raw in values)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Core.Releases.Slugs.IsWellFormed(value))
            {
                problems.Add(new(name, $"'{Shorten(value)}' is not a {name} slug (expected something like 'jacinda-ardern')."));
            }
            else if (!slugs.Contains(value))
            {
                if (slugs.Count == ListingParameters.MaxSelected)
                {
                    problems.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"At most {ListingParameters.MaxSelected} values of {name} can be selected; the rest were ignored.")));
                    break;
                }

                slugs.Add(value);
            }
        }

        return slugs;
    }

    public static DateOnly? Date(string name, StringValues values, List<QueryProblem> problems)
    {
        if (Single(values) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(name, $"'{Shorten(value)}' is not a date (expected YYYY-MM-DD)."));
        return null;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, else <paramref name="fallback"/> (and a problem).</summary>
    public static int Integer(string name, StringValues values, int fallback, int minimum, List<QueryProblem> problems)
    {
        if (Single(values) is not { } value)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum)
        {
            return number;
        }

        problems.Add(new(name, minimum > int.MinValue
            ? string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value)}' is not a whole number of at least {minimum}.")
            : string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value)}' is not a whole number.")));
        return fallback;
    }

    /// <summary>One of <paramref name="choices"/>' names, in any letter case; null when absent or not one of them (a problem).</summary>
    /// <param name="what">What a value is, for the problem: "a sort order".</param>
    /// <param name="expected">The values to offer instead: "relevance, newest or oldest".</param>
    public static T? Choice<T>(string name, StringValues values, IReadOnlyDictionary<string, T> choices, string what, string expected, List<QueryProblem> problems)
        where T : struct
    {
        if (Single(values) is not { } value)
        {
            return null;
        }

        if (choices.TryGetValue(value.ToLowerInvariant(), out var choice))
        {
            return choice;
        }

        problems.Add(new(name, $"'{Shorten(value)}' is not {what} (expected {expected})."));
        return null;
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Control characters and the other code points XML cannot carry (U+FFFE, U+FFFF, lone surrogates) become
    /// spaces: they never mean anything in a search, and the text is echoed into pages, feeds and JSON.
    /// </summary>
    private static string? WithoutControlCharacters(string? text)
    {
        if (text is null || !text.Any(c => char.IsControl(c) || !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else
            {
                cleaned.Append(char.IsControl(c) || !XmlConvert.IsXmlChar(c) ? ' ' : c);
            }
        }

        return cleaned.ToString();
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
