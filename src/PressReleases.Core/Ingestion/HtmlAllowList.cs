namespace PressReleases.Core.Ingestion;

/// <summary>
/// The tags and attributes a rendered body may contain, and a check that a piece of HTML uses nothing
/// else. Markdig's output (raw HTML disabled, links rewritten) nearly always passes, and then it is stored
/// as it is; anything that does not pass goes through the full sanitizer. The check only accepts what it
/// understands: an unknown tag, attribute, URL scheme, comment or stray angle bracket fails it.
/// </summary>
internal static class HtmlAllowList
{
    public static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "a", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    };

    public static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase) { "href", "start", "align", "rel" };

    public static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    /// <summary>What every link carries: the site vouches for none of the places releases link to.</summary>
    public const string LinkRel = "nofollow noopener";

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "hr" };

    /// <summary>
    /// True when every tag and attribute in <paramref name="html"/> is allowed, every link carries
    /// <see cref="LinkRel"/>, and every tag is closed in order (stored HTML is embedded in pages, so an
    /// unclosed link or table would swallow the page around it).
    /// </summary>
    public static bool Permits(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while ((i = html.IndexOfAny(['<', '>'], i)) >= 0)
        {
            if (html[i] == '>')
            {
                return false;
            }

            i = ReadTag(html, i + 1, open);
            if (i < 0)
            {
                return false;
            }
        }

        return open.Count == 0;
    }

    /// <summary>Reads one tag after its '&lt;'; returns the index after its '&gt;', or -1 when it is not allowed.</summary>
    private static int ReadTag(string html, int i, Stack<string> open)
    {
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        var name = html.AsSpan(nameStart, i - nameStart);
        if (!Tags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return -1;
        }

        var isLink = name is "a";
        var hasHref = false;
        var hasRel = false;
        while (i < html.Length)
        {
            if (html[i] == ' ')
            {
                i++;
                continue;
            }

            if (html[i] == '>')
            {
                if (isLink && !closing && hasHref && !hasRel)
                {
                    return -1;
                }

                return Nest(name, closing, selfClosed: false, open) ? i + 1 : -1;
            }

            if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>' && !closing)
            {
                return Nest(name, closing, selfClosed: true, open) ? i + 2 : -1;
            }

            if (closing)
            {
                return -1;
            }

            // name="value": Markdig always quotes with double quotes and escapes quotes inside values.
            var attributeStart = i;
            while (i < html.Length && char.IsAsciiLetter(html[i]))
            {
                i++;
            }

            var attribute = html.AsSpan(attributeStart, i - attributeStart);
            if (attribute.IsEmpty || i + 1 >= html.Length || html[i] != '=' || html[i + 1] != '"')
            {
                return -1;
            }

            var valueStart = i + 2;
            var valueEnd = html.IndexOf('"', valueStart);
            if (valueEnd < 0)
            {
                return -1;
            }

            var value = html.AsSpan(valueStart, valueEnd - valueStart);
            if (value.IndexOfAny('<', '>') >= 0 || !AttributeAllowed(name, attribute, value))
            {
                return -1;
            }

            hasHref |= attribute is "href" && !value.IsEmpty;
            hasRel |= attribute is "rel";
            i = valueEnd + 1;
        }

        return -1;
    }

    /// <summary>Keeps the stack of open tags: void tags never open, a closing tag must close the innermost one.</summary>
    private static bool Nest(ReadOnlySpan<char> name, bool closing, bool selfClosed, Stack<string> open)
    {
        if (VoidTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return !closing;
        }

        if (selfClosed)
        {
            return false;
        }

        if (!closing)
        {
            open.Push(name.ToString());
            return true;
        }

        return open.TryPop(out var innermost) && name.Equals(innermost, StringComparison.OrdinalIgnoreCase);
    }

    private static bool AttributeAllowed(ReadOnlySpan<char> tag, ReadOnlySpan<char> attribute, ReadOnlySpan<char> value) => attribute switch
    {
        "href" => tag is "a" && SchemeAllowed(value),
        "rel" => tag is "a" && value is LinkRel,
        "start" => tag is "ol" && int.TryParse(value, out _),
        "align" => tag is "th" or "td" && value is "left" or "right" or "center",
        _ => false,
    };

    /// <summary>An empty href (a link whose address was dropped) or one with an allowed scheme.</summary>
    private static bool SchemeAllowed(ReadOnlySpan<char> href)
    {
        if (href.IsEmpty)
        {
            return true;
        }

        var colon = href.IndexOf(':');
        return colon > 0 && Schemes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(href[..colon]);
    }
}
