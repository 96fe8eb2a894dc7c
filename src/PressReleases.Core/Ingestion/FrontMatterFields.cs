using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PressReleases.Core.Ingestion;

public enum FrontMatterKind
{
    Scalar,
    List,
    Map,
}

/// <summary>
/// One entry of a list value: its text, or null when the entry is not a single value; and, when the entry is a map of
/// single values (<c>- name: Report</c> / <c>url: https://…</c>), its pairs, keys as written.
/// </summary>
public readonly record struct FrontMatterEntry(string? Text, int Line, IReadOnlyDictionary<string, string>? Pairs = null);

/// <summary>A front-matter value as the parser needs it; <see cref="Line"/> is the line in the file.</summary>
public sealed record FrontMatterValue(FrontMatterKind Kind, string Scalar, IReadOnlyList<FrontMatterEntry> Entries, int Line);

/// <summary>
/// Reads the YAML front matter into keyed values. The export writes one simple shape (<c>key: value</c>
/// lines, double-quoted titles, block lists of plain or quoted items), which <see cref="SimpleYaml"/> reads
/// directly; anything it does not recognise goes to YamlDotNet, which reads every YAML construct and
/// gives the error messages. Both readers give the same values for the simple shape (tests hold them to it).
/// </summary>
public static class FrontMatterFields
{
    public static Dictionary<string, FrontMatterValue> Read(string yaml) =>
        SimpleYaml.TryRead(yaml) ?? ReadWithYamlDotNet(yaml);

    internal static Dictionary<string, FrontMatterValue> ReadWithYamlDotNet(string yaml)
    {
        // The simple reader never accepts aliases or nesting, so only this path needs the check.
        CheckYamlShape(yaml);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // The YAML starts on line 2 of the file, after the opening '---'.
            var line = ex.Start.Line > 0 ? (int)ex.Start.Line + 1 : (int?)null;
            throw new ReleaseFileException($"front matter is not valid YAML: {FirstLine(ex.Message)}", line);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some malformed structures (a flow list left open) this way, without a
            // position: the last event the parser read is where it went wrong.
            var line = parser.Current is { } current ? (int)current.Start.Line + 1 : (int?)null;
            throw new ReleaseFileException($"front matter is not valid YAML: {FirstLine(ex.Message)}", line);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new ReleaseFileException("front matter must be a set of 'key: value' lines", 2);
        }

        var fields = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                fields[name] = ToValue(value);
            }
        }

        return fields;
    }

    /// <summary>
    /// Reads the YAML as a stream of events (linear time, nothing built) and rejects aliases and deep
    /// nesting. An alias shares a node, so a few lines can stand for billions of values ("billion laughs");
    /// the representation model then hashes such a node in exponential time when it is used as a key.
    /// Release files never use aliases. Syntax errors are left to the full reader, which reports them.
    /// </summary>
    private static void CheckYamlShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        throw new ReleaseFileException($"front matter uses a YAML alias (*{alias.Value}); release files must write every value out", FileLine(alias));
                    case MappingStart or SequenceStart:
                        depth++;
                        if (depth > IngestLimits.MaxFrontMatterDepth)
                        {
                            throw new ReleaseFileException($"front matter nests lists or maps more than {IngestLimits.MaxFrontMatterDepth} deep", FileLine(parser.Current));
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some malformed structures this way; the full reader reports them too.
        }
    }

    // The YAML starts on line 2 of the file, after the opening '---'.
    private static int FileLine(ParsingEvent parsingEvent) => (int)parsingEvent.Start.Line + 1;

    private static FrontMatterValue ToValue(YamlNode node)
    {
        var line = LineOf(node);
        return node switch
        {
            YamlScalarNode scalar => new FrontMatterValue(FrontMatterKind.Scalar, scalar.Value ?? "", [], line),
            YamlSequenceNode sequence => new FrontMatterValue(
                FrontMatterKind.List,
                "",
                sequence.Children.Select(c => new FrontMatterEntry(EntryText(c), LineOf(c), EntryPairs(c))).ToList(),
                line),
            _ => new FrontMatterValue(FrontMatterKind.Map, "", [], line),
        };
    }

    private static int LineOf(YamlNode node) => (int)node.Start.Line + 1;

    /// <summary>
    /// An entry's text, read as the author wrote it. An unquoted entry with a colon ("- Māori Crown Relations: Te Arawhiti") is read by
    /// YAML as a one-pair map; its reasonable reading is the name as written.
    /// </summary>
    private static string? EntryText(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } => value,
        YamlMappingNode { Children.Count: 1 } map when map.Children.First() is { Key: YamlScalarNode { Value: { } k }, Value: YamlScalarNode { Value: { } v } } => $"{k}: {v}",

        // "- [From a speech ...]" is a YAML flow list; as written it is bracketed text.
        YamlSequenceNode { Children.Count: <= 20 } list when list.Children.All(c => c is YamlScalarNode) =>
            "[" + string.Join(", ", list.Children.Cast<YamlScalarNode>().Select(c => c.Value)) + "]",
        _ => null,
    };

    /// <summary>A map entry's key and value pairs when every one is a single value; null for any other entry.</summary>
    private static Dictionary<string, string>? EntryPairs(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlScalarNode { Value: { } text })
            {
                return null;
            }

            pairs[name] = text;
        }

        return pairs;
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf('\n');
        return cut < 0 ? message : message[..cut];
    }
}
