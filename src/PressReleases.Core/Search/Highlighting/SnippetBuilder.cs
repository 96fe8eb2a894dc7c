using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Highlighting;

/// <summary>
/// Highlighted snippets: where the query's terms occur comes from the index's postings offsets for a hit
/// (<see cref="PostingsOffsets"/>) or, for prefixes and text outside the index, from running the text
/// through the index's analyzer; the window of text with the most distinct matches is chosen, and the
/// result is HTML-encoded with &lt;mark&gt; around each match. Only this encoder-escaped output is written
/// unescaped to pages.
/// </summary>
public sealed class SnippetBuilder(ReleaseAnalyzer analyzer)
{
    public const int SnippetChars = 240;

    /// <summary>Text beyond this is not scanned for matches (the lead of a release says what it is about).</summary>
    public const int MaxScannedChars = 20_000;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text made safe to write into HTML, with the encoder every snippet uses.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    public string Snippet(string text, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes, int length = SnippetChars)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var scanned = text.Length > MaxScannedChars ? text[..MaxScannedChars] : text;
        return Snippet(text, FindMatches(scanned, terms, prefixes), length);
    }

    /// <summary>A snippet around matches already found (in text order), such as those read from the postings.</summary>
    public string Snippet(string text, List<(int Start, int End, string Term)> matches, int length = SnippetChars)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var (start, end) = ChooseWindow(text, matches, length);
        var builder = new StringBuilder(length + 64);
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        if (start > 0)
        {
            builder.Append('…');
        }

        AppendMarked(writer, text, start, end, matches);
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>The whole text (a title), encoded, with matches marked.</summary>
    public string Highlight(string text, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes) =>
        Highlight(text, FindMatches(text, terms, prefixes));

    /// <summary>The whole text, encoded, with matches already found (in text order) marked.</summary>
    public string Highlight(string text, List<(int Start, int End, string Term)> matches)
    {
        var builder = new StringBuilder(text.Length + 32);
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        AppendMarked(writer, text, 0, text.Length, matches);
        return builder.ToString();
    }

    private List<(int Start, int End, string Term)> FindMatches(string text, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes)
    {
        var matches = new List<(int Start, int End, string Term)>();
        if (terms.Count == 0 && prefixes.Count == 0)
        {
            return matches;
        }

        if (terms.Count > 0)
        {
            // Stemmed terms, as the body field is searched.
            Scan(IndexFields.Body, text, value => terms.Contains(value), matches);
        }

        if (prefixes.Count > 0)
        {
            // Prefixes were matched against whole words, so they are looked for in whole words.
            var before = matches.Count;
            Scan(IndexFields.Words, text, value => prefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal)), matches);
            if (before > 0 && matches.Count > before)
            {
                var merged = matches.DistinctBy(m => m.Start).OrderBy(m => m.Start).ToList();
                matches.Clear();
                matches.AddRange(merged);
            }
        }

        return matches;
    }

    private void Scan(string field, string text, Func<string, bool> isMatch, List<(int Start, int End, string Term)> matches)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (isMatch(value))
            {
                matches.Add((offset.StartOffset, offset.EndOffset, value));
            }
        }

        stream.End();
    }

    /// <summary>Picks the window holding the most distinct matched terms (then the most matches), widened to word boundaries.</summary>
    private static (int Start, int End) ChooseWindow(string text, List<(int Start, int End, string Term)> matches, int length)
    {
        if (text.Length <= length)
        {
            return (0, text.Length);
        }

        var bestStart = 0;
        if (matches.Count > 0)
        {
            var (bestDistinct, bestCount) = (-1, -1);
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < matches.Count; i++)
            {
                var windowEnd = matches[i].Start + length;
                distinct.Clear();
                var count = 0;
                for (var j = i; j < matches.Count && matches[j].End <= windowEnd; j++)
                {
                    distinct.Add(matches[j].Term);
                    count++;
                }

                if (distinct.Count > bestDistinct || (distinct.Count == bestDistinct && count > bestCount))
                {
                    (bestDistinct, bestCount, bestStart) = (distinct.Count, count, matches[i].Start);
                }
            }

            // Give the first match some lead-in so it reads in context.
            bestStart = Math.Max(0, bestStart - (length / 4));
        }

        var start = bestStart == 0 ? 0 : WordStartAfter(text, bestStart);
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, Math.Max(1, end - start - (length / 2)));
            if (space > start)
            {
                end = space;
            }
        }

        return (start, end);
    }

    private static int WordStartAfter(string text, int position)
    {
        var space = text.IndexOf(' ', position);
        return space < 0 || space - position > 30 ? position : space + 1;
    }

    private static void AppendMarked(StringWriter writer, string text, int start, int end, List<(int Start, int End, string Term)> matches)
    {
        var position = start;
        foreach (var (matchStart, matchEnd, _) in matches)
        {
            if (matchStart < position || matchEnd > end)
            {
                continue;
            }

            AppendEncoded(writer, text, position, matchStart);
            writer.Write("<mark>");
            AppendEncoded(writer, text, matchStart, matchEnd);
            writer.Write("</mark>");
            position = matchEnd;
        }

        AppendEncoded(writer, text, position, end);
    }

    /// <summary>
    /// Writes text[start..end] HTML-encoded, a blank line or a line break read as one space. Encoded piece by
    /// piece between line breaks, straight from the text into the writer's builder (no substring per piece).
    /// </summary>
    private static void AppendEncoded(StringWriter writer, string text, int start, int end)
    {
        var piece = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            Encoder.Encode(writer, text, piece, i - piece);
            writer.Write(' ');
            if (i + 1 < end && text[i + 1] == '\n')
            {
                i++;
            }

            piece = i + 1;
        }

        Encoder.Encode(writer, text, piece, end - piece);
    }
}
