using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Highlighting;

/// <summary>A release body with its matches marked; <see cref="LimitReached"/> when marking stopped at the cap.</summary>
public sealed record HighlightedHtml(string Html, int MatchCount, bool LimitReached);

/// <summary>
/// Marks a query's matches in a release's stored (already sanitised) body HTML, for the release page.
/// The HTML is parsed and only text nodes are touched: each match is wrapped in &lt;mark id="match-N"&gt;,
/// so attributes (an href, a title) are never altered, and the serializer re-encodes every text node,
/// which keeps the output exactly as safe as the input. Matching follows <see cref="SnippetBuilder"/>:
/// stemmed terms as the body field is analysed, prefixes against whole words.
/// </summary>
public sealed class HtmlHighlighter(ReleaseAnalyzer analyzer)
{
    /// <summary>Marks beyond this are not added: a common word in a long release would otherwise mean thousands.</summary>
    public const int DefaultMaxMarks = 500;

    public const string IdPrefix = "match-";

    // Text in these is not prose a reader sees (or is already a mark); the sanitiser removes most of them anyway.
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "template", "noscript", "mark", "title",
    };

    public HighlightedHtml Highlight(string html, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes, int maxMarks = DefaultMaxMarks)
    {
        if (string.IsNullOrEmpty(html) || (terms.Count == 0 && prefixes.Count == 0) || maxMarks <= 0)
        {
            return new HighlightedHtml(html, 0, false);
        }

        // Parsed as the content of a <body>, which is where the page puts it.
        var document = new HtmlParser().ParseDocument("");
        var container = document.Body!;
        container.InnerHtml = html;

        // Collected first: marking changes the tree being walked.
        var texts = new List<IText>();
        CollectTexts(container, texts);

        var count = 0;
        var limitReached = false;
        foreach (var text in texts)
        {
            var matches = FindMatches(text.Data, terms, prefixes);
            if (matches.Count == 0)
            {
                continue;
            }

            if (count + matches.Count > maxMarks)
            {
                matches = matches.Take(maxMarks - count).ToList();
                limitReached = true;
            }

            count = Mark(document, text, matches, count);
            if (limitReached)
            {
                break;
            }
        }

        // Nothing marked: hand back the input untouched rather than a re-serialised copy.
        return count == 0 ? new HighlightedHtml(html, 0, false) : new HighlightedHtml(container.InnerHtml, count, limitReached);
    }

    private static void CollectTexts(INode node, List<IText> texts)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                texts.Add(text);
            }
            else if (child is IElement element && !SkippedElements.Contains(element.LocalName))
            {
                CollectTexts(element, texts);
            }
        }
    }

    /// <summary>Replaces the text node by text and &lt;mark&gt; nodes; returns the number of marks so far.</summary>
    private static int Mark(IDocument document, IText text, List<(int Start, int End)> matches, int count)
    {
        var parent = text.Parent!;
        var data = text.Data;
        var position = 0;
        foreach (var (start, end) in matches)
        {
            if (start > position)
            {
                parent.InsertBefore(document.CreateTextNode(data[position..start]), text);
            }

            var mark = document.CreateElement("mark");
            mark.Id = IdPrefix + (++count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            mark.TextContent = data[start..end];
            parent.InsertBefore(mark, text);
            position = end;
        }

        if (position < data.Length)
        {
            parent.InsertBefore(document.CreateTextNode(data[position..]), text);
        }

        parent.RemoveChild(text);
        return count;
    }

    /// <summary>Non-overlapping matches in order of position.</summary>
    private List<(int Start, int End)> FindMatches(string text, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes)
    {
        var found = new List<(int Start, int End)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }

        if (terms.Count > 0)
        {
            Scan(IndexFields.Body, text, terms.Contains, found);
        }

        if (prefixes.Count > 0)
        {
            Scan(IndexFields.Words, text, value => prefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal)), found);
        }

        var ordered = new List<(int Start, int End)>(found.Count);
        foreach (var match in found.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (ordered.Count == 0 || match.Start >= ordered[^1].End)
            {
                ordered.Add(match);
            }
        }

        return ordered;
    }

    private void Scan(string field, string text, Func<string, bool> isMatch, List<(int Start, int End)> found)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (isMatch(term.ToString()) && offset.EndOffset <= text.Length && offset.StartOffset < offset.EndOffset)
            {
                found.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
    }
}
