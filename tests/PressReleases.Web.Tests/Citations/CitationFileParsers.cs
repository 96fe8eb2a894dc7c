namespace PressReleases.Web.Tests.Citations;

/// <summary>One BibTeX entry read with a deliberately simple parser: type, key and brace- or bare-valued fields.</summary>
public sealed record BibEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields)
{
    public static BibEntry Parse(string text)
    {
        var trimmed = text.Trim();
        Assert.StartsWith("@", trimmed);
        AssertBalanced(trimmed);
        var open = trimmed.IndexOf('{', StringComparison.Ordinal);
        var comma = trimmed.IndexOf(',', open);
        var type = trimmed[1..open];
        var key = trimmed[(open + 1)..comma].Trim();
        Assert.EndsWith("}", trimmed);
        var body = trimmed[(comma + 1)..^1];

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && (char.IsWhiteSpace(body[i]) || body[i] == ','))
            {
                i++;
            }

            if (i >= body.Length)
            {
                break;
            }

            var equals = body.IndexOf('=', i);
            var name = body[i..equals].Trim();
            i = equals + 1;
            while (char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            string value;
            if (body[i] == '{')
            {
                var start = i;
                var depth = 0;
                do
                {
                    if (body[i] == '\\')
                    {
                        i += 2;
                        continue;
                    }

                    depth += body[i] == '{' ? 1 : body[i] == '}' ? -1 : 0;
                    i++;
                }
                while (depth > 0);
                value = body[(start + 1)..(i - 1)];
            }
            else
            {
                var start = i;
                while (i < body.Length && body[i] != ',' && !char.IsWhiteSpace(body[i]))
                {
                    i++;
                }

                value = body[start..i];
            }

            Assert.False(fields.ContainsKey(name), $"Field '{name}' appears twice.");
            fields[name] = value;
        }

        return new BibEntry(type, key, fields);
    }

    /// <summary>Unescaped braces must pair up, and never close more than were opened.</summary>
    public static void AssertBalanced(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            Assert.True(depth >= 0, $"A brace closes before one was opened at {i}: {text}");
        }

        Assert.True(depth == 0, $"Unbalanced braces ({depth} left open): {text}");
    }
}

/// <summary>An RIS record read line by line: every line <c>XX  - value</c>, CRLF endings, TY first and ER last.</summary>
public sealed record RisRecord(IReadOnlyList<(string Tag, string Value)> Lines)
{
    public static RisRecord Parse(string text)
    {
        Assert.EndsWith("\r\n", text);
        var rawLines = text[..^2].Split("\r\n");
        Assert.DoesNotContain(rawLines, l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal));
        var lines = rawLines.Select(l =>
        {
            Assert.Matches("^[A-Z][A-Z0-9]  - ", l);
            return (l[..2], l[6..]);
        }).ToList();
        Assert.Equal("TY", lines[0].Item1);
        Assert.Equal(("ER", ""), lines[^1]);
        return new RisRecord(lines);
    }

    public IEnumerable<string> Values(string tag) => Lines.Where(l => l.Tag == tag).Select(l => l.Value);

    public string Single(string tag) => Assert.Single(Values(tag));
}
