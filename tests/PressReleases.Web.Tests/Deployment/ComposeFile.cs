using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// The repository's compose.yaml as Compose reads it: YAML with its anchors and merge keys (<c>&lt;&lt;: *anchor</c>) applied.
/// Values read through <see cref="ComposeService"/> are interpolated as with no variable set (the defaults).
/// </summary>
internal sealed class ComposeFile
{
    private ComposeFile(YamlMappingNode root)
    {
        Root = root;
        Services = Mapping(root, "services").Children
            .ToDictionary(pair => Text(pair.Key), pair => new ComposeService(Text(pair.Key), (YamlMappingNode)pair.Value), StringComparer.Ordinal);
    }

    public static string FilePath => Path.Combine(RepoPaths.Root, "compose.yaml");

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>The site's nodes: services built from the Dockerfile that run its default command (the site, not a verb).</summary>
    public IReadOnlyList<ComposeService> Nodes =>
        Services.Values.Where(s => s.Build is not null && s.Command is null).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<string> DeclaredVolumes => Names("volumes");

    public IReadOnlyCollection<string> DeclaredConfigs => Names("configs");

    public static ComposeFile Load() => Parse(File.ReadAllText(FilePath));

    public static ComposeFile Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new ComposeFile(Merged((YamlMappingNode)stream.Documents.Single().RootNode));
    }

    public ComposeService Service(string name) =>
        Services.TryGetValue(name, out var service) ? service : throw new KeyNotFoundException($"compose.yaml has no service '{name}'.");

    /// <summary>A top-level config's inline <c>content</c>, interpolated (so nginx's <c>$$host</c> reads <c>$host</c>).</summary>
    public string ConfigContent(string name) =>
        ComposeVariables.WithDefaults(Text(Mapping(Mapping(Root, "configs"), name)["content"]));

    /// <summary>Every scalar value in the file (not the keys), uninterpolated: where Compose substitutes variables.</summary>
    public IEnumerable<string> RawValues() => ValuesUnder(Root);

    private IReadOnlyCollection<string> Names(string section) =>
        Root.Children.TryGetValue(section, out var node) && node is YamlMappingNode mapping
            ? mapping.Children.Keys.Select(Text).ToHashSet(StringComparer.Ordinal)
            : [];

    private static IEnumerable<string> ValuesUnder(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(ValuesUnder),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(ValuesUnder),
        _ => [],
    };

    // YamlDotNet's MergingParser repeats a merged key the mapping also sets (then loading fails on the duplicate);
    // YAML's rule, which Compose follows, is that the mapping's own keys win. Aliases are already resolved here.
    private static YamlMappingNode Merged(YamlMappingNode mapping)
    {
        var result = new YamlMappingNode();
        foreach (var (key, value) in mapping.Children.Where(pair => !IsMergeKey(pair.Key)))
        {
            result.Add(key, Merged(value));
        }

        // `<<: *a` or `<<: [*a, *b]`: keys the mapping does not set itself, from the first merged mapping that has them.
        foreach (var merge in mapping.Children.Where(pair => IsMergeKey(pair.Key)).Select(pair => pair.Value))
        {
            foreach (var source in merge is YamlSequenceNode list ? list.Children : [merge])
            {
                foreach (var (key, value) in Merged((YamlMappingNode)source).Children.Where(pair => !result.Children.ContainsKey(pair.Key)))
                {
                    result.Add(key, value);
                }
            }
        }

        return result;
    }

    private static YamlNode Merged(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Merged(mapping),
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Merged)),
        _ => node,
    };

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any };

    internal static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(key, out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new KeyNotFoundException($"No mapping '{key}' at {parent.Start}.");

    internal static string Text(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidCastException($"Expected a scalar at {node.Start}, found {node.NodeType}.");
}
