using System.Globalization;
using System.Text;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// A reader for the one YAML shape the export writes: top-level <c>key: value</c> lines whose values are
/// plain, single- or double-quoted scalars on one line, or a block list of such scalars. It is much cheaper
/// than building YamlDotNet's node tree, which was a large share of the cost of a cold ingest
/// (docs/performance.md, "Design decisions and their measurements"). It never guesses: on anything else
/// (comments, anchors, flow collections, multi-line scalars, nested structures, duplicate keys, unknown
/// escapes) it returns null and the caller reads the text with YamlDotNet instead.
/// </summary>
internal static class SimpleYaml
{
    public static Dictionary<string, FrontMatterValue>? TryRead(string yaml)
    {
        var fields = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
        List<FrontMatterEntry>? list = null;
        string? listKey = null;
        var listIndent = -1;
        var fileLine = 1;
        var position = 0;
        while (position < yaml.Length)
        {
            var end = yaml.IndexOf('\n', position);
            var line = (end < 0 ? yaml.AsSpan(position) : yaml.AsSpan(position, end - position)).TrimEnd(' ');
            position = end < 0 ? yaml.Length : end + 1;
            fileLine++;

            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Contains('\t') || line.Contains('#') && !IsQuoted(line))
            {
                return null;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            if (content.StartsWith("- ") || content is "-")
            {
                // A list item belongs to the key just above it, which has no value of its own.
                if (listKey is null || (listIndent >= 0 && indent != listIndent))
                {
                    return null;
                }

                listIndent = indent;
                var item = content.Length == 1 ? "" : content[2..].TrimStart(' ');
                if (TryScalar(item) is not { } text)
                {
                    return null;
                }

                list!.Add(new FrontMatterEntry(text, fileLine));
                continue;
            }

            if (indent > 0)
            {
                return null;
            }

            Close(fields, ref listKey, ref list, ref listIndent);
            var colon = content.IndexOf(':');
            if (colon <= 0 || !IsKey(content[..colon]))
            {
                return null;
            }

            var key = content[..colon].ToString();
            if (fields.ContainsKey(key))
            {
                return null;
            }

            var rest = content[(colon + 1)..];
            if (rest.IsEmpty)
            {
                // Either a list follows, or the key is empty; decided when the next key (or the end) comes.
                listKey = key;
                list = [];
                fields[key] = new FrontMatterValue(FrontMatterKind.Scalar, "", [], fileLine);
                continue;
            }

            if (rest[0] != ' ' || TryScalar(rest.TrimStart(' ')) is not { } value)
            {
                return null;
            }

            fields[key] = new FrontMatterValue(FrontMatterKind.Scalar, value, [], fileLine);
        }

        Close(fields, ref listKey, ref list, ref listIndent);
        return fields.Count == 0 ? null : fields;
    }

    private static void Close(Dictionary<string, FrontMatterValue> fields, ref string? listKey, ref List<FrontMatterEntry>? list, ref int listIndent)
    {
        if (listKey is not null && list is { Count: > 0 })
        {
            // YAML places a block list's node on its first item's line.
            fields[listKey] = new FrontMatterValue(FrontMatterKind.List, "", list, list[0].Line);
        }

        listKey = null;
        list = null;
        listIndent = -1;
    }

    private static bool IsQuoted(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(": ");
        var value = colon < 0 ? line.TrimStart(' ').TrimStart('-').TrimStart(' ') : line[(colon + 2)..].TrimStart(' ');
        return value.Length > 1 && (value[0] == '"' || value[0] == '\'');
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return char.IsAsciiLetter(key[0]);
    }

    /// <summary>A one-line scalar's value, or null when it is not one this reader is sure about.</summary>
    private static string? TryScalar(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "";
        }

        return text[0] switch
        {
            '"' => DoubleQuoted(text),
            '\'' => SingleQuoted(text),
            _ => Plain(text),
        };
    }

    private static string? Plain(ReadOnlySpan<char> text)
    {
        // Characters that start something other than a plain scalar, or end one early.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || text.IndexOf(": ") >= 0 || text.IndexOf(" #") >= 0 || text[^1] == ':')
        {
            return null;
        }

        return text.ToString();
    }

    private static string? SingleQuoted(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[^1] != '\'')
        {
            return null;
        }

        var inner = text[1..^1];
        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\'')
            {
                // Inside single quotes the only escape is a doubled quote.
                if (i + 1 >= inner.Length || inner[i + 1] != '\'')
                {
                    return null;
                }

                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }

    private static string? DoubleQuoted(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[^1] != '"')
        {
            return null;
        }

        var inner = text[1..^1];
        if (inner.IndexOfAny('"', '\\') < 0)
        {
            return inner.ToString();
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
            {
                // An unescaped quote before the end: the value ended earlier than this reader assumed.
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= inner.Length)
            {
                return null;
            }

            switch (inner[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'x' when TryHex(inner, i + 1, 2, builder): i += 2; break;
                case 'u' when TryHex(inner, i + 1, 4, builder): i += 4; break;
                case 'U' when TryHex(inner, i + 1, 8, builder): i += 8; break;
                default: return null;
            }
        }

        return builder.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> text, int start, int digits, StringBuilder builder)
    {
        if (start + digits > text.Length
            || !int.TryParse(text.Slice(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        builder.Append(char.ConvertFromUtf32(code));
        return true;
    }
}
