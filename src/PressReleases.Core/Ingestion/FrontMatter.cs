namespace PressReleases.Core.Ingestion;

/// <summary>A file split into its YAML front matter and its markdown body.</summary>
public sealed record FrontMatter(string Yaml, string Body, int BodyStartLine)
{
    /// <summary>
    /// Splits text that opens with a <c>---</c> line and closes the front matter with another
    /// <c>---</c> (or <c>...</c>) line. The text has already had CRLF turned into LF.
    /// </summary>
    public static FrontMatter Split(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
        {
            throw new ReleaseFileException("no front matter: the file must start with a '---' line", 1);
        }

        var position = 4;
        var line = 2;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineText = end < 0 ? text[position..] : text[position..end];
            if (lineText.TrimEnd() is "---" or "...")
            {
                var yaml = text[4..position];
                if (yaml.Length > IngestLimits.MaxFrontMatterChars)
                {
                    throw new ReleaseFileException($"front matter is {yaml.Length:N0} characters; the limit is {IngestLimits.MaxFrontMatterChars:N0}", 1);
                }

                var body = end < 0 ? "" : text[(end + 1)..];
                return new FrontMatter(yaml, body, line + 1);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
            if (position - 4 > IngestLimits.MaxFrontMatterChars)
            {
                throw new ReleaseFileException($"front matter is longer than {IngestLimits.MaxFrontMatterChars:N0} characters or never closed", 1);
            }
        }

        throw new ReleaseFileException("front matter opened on line 1 is never closed with a '---' line", 1);
    }
}
