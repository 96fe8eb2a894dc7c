namespace PressReleases.Core.Ingestion;

/// <summary>A file split into its YAML front matter and its markdown body.</summary>
public sealed record FrontMatter(string Yaml, string Body, int BodyStartLine)
{
    /// <summary>
    /// Splits text that opens with a <c>---</c> line and closes the front matter with another
    /// <c>---</c> (or <c>...</c>) line. The text has already had CRLF turned into LF. Shapes that would
    /// make the markdown renderer take unbounded time are rejected here, before it sees them (see
    /// <see cref="IngestLimits"/>); YAML shapes are checked before YamlDotNet reads them
    /// (<see cref="FrontMatterFields"/>).
    /// </summary>
    public static FrontMatter Split(string text)
    {
        var firstLineEnd = text.IndexOf('\n');
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        if (firstLine.TrimEnd(' ', '\t') != "---")
        {
            throw new ReleaseFileException("no front matter: the file must start with a '---' line", 1);
        }

        // The closing fence is looked for from line 2; the same trailing blanks are allowed on both fences.
        var yamlStart = firstLineEnd < 0 ? text.Length : firstLineEnd + 1;
        var position = yamlStart;
        var line = 2;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineText = end < 0 ? text[position..] : text[position..end];
            if (lineText.TrimEnd() is "---" or "...")
            {
                var yaml = text[yamlStart..position];
                if (yaml.Length > IngestLimits.MaxFrontMatterChars)
                {
                    throw new ReleaseFileException($"front matter is {yaml.Length:N0} characters; the limit is {IngestLimits.MaxFrontMatterChars:N0}", 1);
                }

                var body = end < 0 ? "" : text[(end + 1)..];
                CheckBodyShape(body, line + 1);
                return new FrontMatter(yaml, body, line + 1);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
            if (position - yamlStart > IngestLimits.MaxFrontMatterChars)
            {
                throw new ReleaseFileException($"front matter is longer than {IngestLimits.MaxFrontMatterChars:N0} characters or never closed", 1);
            }
        }

        throw new ReleaseFileException("front matter opened on line 1 is never closed with a '---' line", 1);
    }

    /// <summary>What Markdig parses in quadratic time when repeated in one paragraph (see <see cref="IngestLimits.MaxBodyMarkupCount"/>).</summary>
    private static readonly string[] CostlyMarkup = ["[", "|", "`", "~", "www."];

    private static void CheckBodyShape(string body, int bodyStartLine)
    {
        foreach (var markup in CostlyMarkup)
        {
            var count = body.AsSpan().Count(markup.AsSpan());
            if (count > IngestLimits.MaxBodyMarkupCount)
            {
                throw new ReleaseFileException($"the body has {count:N0} '{markup}'; the limit is {IngestLimits.MaxBodyMarkupCount:N0}", bodyStartLine);
            }
        }

        // The longest run of lines with no blank line between them, measured in one pass.
        var line = bodyStartLine;
        var paragraphLine = line;
        var paragraphChars = 0;
        foreach (var lineText in body.AsSpan().EnumerateLines())
        {
            if (lineText.IsWhiteSpace())
            {
                paragraphChars = 0;
            }
            else
            {
                if (paragraphChars == 0)
                {
                    paragraphLine = line;
                }

                paragraphChars += lineText.Length + 1;
                if (paragraphChars > IngestLimits.MaxParagraphChars)
                {
                    throw new ReleaseFileException($"the paragraph starting on line {paragraphLine:N0} is longer than {IngestLimits.MaxParagraphChars:N0} characters (the limit)", paragraphLine);
                }
            }

            line++;
        }
    }
}
