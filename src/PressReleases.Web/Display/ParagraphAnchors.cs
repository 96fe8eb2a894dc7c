using System.Globalization;
using System.Text;

namespace PressReleases.Web.Display;

/// <summary>
/// Paragraph permalinks: the body's paragraphs numbered in document order (<c>id="p1"</c>, <c>p2</c>, …), each ending
/// in a visible "link to this paragraph" control. Derived from the body's HTML at display time, so the numbers stay
/// what they were for as long as the body does, and the store keeps no copy of them.
/// </summary>
/// <remarks>
/// The body is the sanitised HTML the renderer made (or the index's text in paragraphs): its paragraphs are plain
/// <c>&lt;p&gt;</c> tags, and a paragraph never holds another, so each one ends at the next <c>&lt;/p&gt;</c>.
/// </remarks>
public static class ParagraphAnchors
{
    private const string Open = "<p>";
    private const string Close = "</p>";

    /// <summary>How many paragraphs the body has: the numbers a citation may target.</summary>
    public static int Count(string bodyHtml)
    {
        var count = 0;
        for (var at = bodyHtml.IndexOf(Open, StringComparison.Ordinal); at >= 0; at = bodyHtml.IndexOf(Open, at + Open.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The paragraph a <c>p</c> parameter names, when it is one of the body's; anything else (not a number, 0, past
    /// the last paragraph) names none, and the citation is of the whole release.
    /// </summary>
    public static int? Parse(string? value, string bodyHtml) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 && p <= Count(bodyHtml) ? p : null;

    /// <summary>
    /// The body with each paragraph's id and, before its end, a link to <paramref name="linkTo"/>(n), whose text and
    /// label are written here (numbers only: nothing from the release reaches the markup added).
    /// </summary>
    public static string Add(string bodyHtml, Func<int, string> linkTo)
    {
        var html = new StringBuilder(bodyHtml.Length + 128);
        var number = 0;
        var position = 0;
        for (var open = bodyHtml.IndexOf(Open, StringComparison.Ordinal); open >= 0; open = bodyHtml.IndexOf(Open, position, StringComparison.Ordinal))
        {
            var close = bodyHtml.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            number++;
            var n = number.ToString(CultureInfo.InvariantCulture);
            html.Append(bodyHtml, position, open - position)
                .Append("<p id=\"p").Append(n).Append("\">")
                .Append(bodyHtml, open + Open.Length, close - open - Open.Length)
                .Append(" <a class=\"paragraph-link\" href=\"").Append(System.Net.WebUtility.HtmlEncode(linkTo(number)))
                .Append("\" aria-label=\"Link to paragraph ").Append(n).Append("\">¶</a>")
                .Append(Close);
            position = close + Close.Length;
        }

        return html.Append(bodyHtml, position, bodyHtml.Length - position).ToString();
    }
}
