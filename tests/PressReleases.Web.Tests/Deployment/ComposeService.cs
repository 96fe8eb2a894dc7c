using YamlDotNet.RepresentationModel;
using static PressReleases.Web.Tests.Deployment.ComposeFile;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>Where a service's image comes from: a folder (relative to compose.yaml) and the Dockerfile in it.</summary>
internal sealed record ServiceBuild(string Context, string Dockerfile);

/// <summary>
/// One entry of a service's <c>volumes</c>: a named volume, a host folder (bind) or an anonymous volume (no source),
/// mounted at <see cref="Target"/>.
/// </summary>
internal sealed record ServiceMount(string Source, string Target, bool ReadOnly)
{
    // Compose's rule for the short syntax: a source that looks like a path is a host folder, anything else a volume's name.
    public bool IsNamedVolume => Source.Length > 0 && !Source.StartsWith('.') && !Source.StartsWith('/') && !Source.StartsWith('~');

    public bool IsBind => Source.Length > 0 && !IsNamedVolume;
}

/// <summary>
/// One service of compose.yaml, in both the short and the long syntax Compose accepts for each attribute read here,
/// with every value interpolated as when no variable is set.
/// </summary>
internal sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name { get; } = name;

    public YamlMappingNode Node { get; } = node;

    public string? Image => Scalar("image");

    public ServiceBuild? Build => Child("build") switch
    {
        null => null,
        YamlScalarNode context => new ServiceBuild(Resolve(context), "Dockerfile"),
        YamlMappingNode build => new ServiceBuild(
            build.Children.TryGetValue("context", out var c) ? Resolve(c) : ".",
            build.Children.TryGetValue("dockerfile", out var d) ? Resolve(d) : "Dockerfile"),
        var other => throw new InvalidCastException($"{Name}: build at {other.Start} is neither a folder nor a mapping."),
    };

    /// <summary>The command, in exec form; null when the service runs the image's own.</summary>
    public IReadOnlyList<string>? Command => Child("command") switch
    {
        null => null,
        YamlSequenceNode items => items.Children.Select(Resolve).ToList(),
        // The shell-like string form; none of this file's arguments holds a quoted space.
        var text => Resolve(text).Split(' ', StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>The <c>environment</c>, as a mapping or as a list of <c>KEY=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment => Child("environment") switch
    {
        null => new Dictionary<string, string>(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(p => Text(p.Key), p => Resolve(p.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Resolve).ToDictionary(
            item => item.Split('=', 2)[0],
            item => item.Contains('=', StringComparison.Ordinal) ? item.Split('=', 2)[1] : "",
            StringComparer.Ordinal),
        var other => throw new InvalidCastException($"{Name}: environment at {other.Start} is neither a mapping nor a list."),
    };

    public IReadOnlyList<ServiceMount> Volumes => Items("volumes").Select(item => item switch
    {
        YamlMappingNode mount => new ServiceMount(
            mount.Children.TryGetValue("source", out var s) ? Resolve(s) : "",
            Resolve(mount["target"]),
            mount.Children.TryGetValue("read_only", out var ro) && Resolve(ro) == "true"),
        _ => ShortMount(Resolve(item)),
    }).ToList();

    /// <summary>The services this one waits for, with the condition (<c>service_started</c> for the list form).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => Child("depends_on") switch
    {
        null => new Dictionary<string, string>(),
        YamlSequenceNode names => names.Children.ToDictionary(Resolve, _ => "service_started", StringComparer.Ordinal),
        YamlMappingNode waits => waits.Children.ToDictionary(
            p => Text(p.Key),
            p => p.Value is YamlMappingNode wait && wait.Children.TryGetValue("condition", out var c) ? Resolve(c) : "service_started",
            StringComparer.Ordinal),
        var other => throw new InvalidCastException($"{Name}: depends_on at {other.Start} is neither a list nor a mapping."),
    };

    /// <summary>The container's side of each published port.</summary>
    public IReadOnlyList<int> PublishedContainerPorts => Items("ports").Select(item => item switch
    {
        YamlMappingNode port => int.Parse(Resolve(port["target"]), System.Globalization.CultureInfo.InvariantCulture),
        // [ip:][host:]container[/protocol]
        _ => int.Parse(Resolve(item).Split(':')[^1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture),
    }).ToList();

    /// <summary>Each config given to the service and where it is mounted (<c>/&lt;name&gt;</c> unless a target is set).</summary>
    public IReadOnlyList<(string Source, string Target)> Configs => Items("configs").Select(item => item switch
    {
        YamlMappingNode config => (Resolve(config["source"]), config.Children.TryGetValue("target", out var t) ? Resolve(t) : "/" + Resolve(config["source"])),
        _ => (Resolve(item), "/" + Resolve(item)),
    }).ToList();

    /// <summary>The healthcheck's command as written (<c>["CMD", ...]</c> or <c>["CMD-SHELL", "..."]</c>); null when there is none or it is disabled.</summary>
    public IReadOnlyList<string>? HealthcheckTest => Child("healthcheck") is YamlMappingNode check
        && !(check.Children.TryGetValue("disable", out var disable) && Resolve(disable) == "true")
        && check.Children.TryGetValue("test", out var test)
            ? test is YamlSequenceNode parts ? parts.Children.Select(Resolve).ToList() : ["CMD-SHELL", Resolve(test)]
            : null;

    public override string ToString() => Name;

    private static ServiceMount ShortMount(string text)
    {
        // source:target[:mode] or just target (an anonymous volume); modes are comma-separated, "ro" among them.
        var parts = text.Split(':');
        return parts.Length == 1
            ? new ServiceMount("", parts[0], false)
            : new ServiceMount(parts[0], parts[1], parts.Length > 2 && parts[2].Split(',').Contains("ro"));
    }

    private YamlNode? Child(string key) => Node.Children.TryGetValue(key, out var child) ? child : null;

    private string? Scalar(string key) => Child(key) is { } child ? Resolve(child) : null;

    private IEnumerable<YamlNode> Items(string key) => Child(key) is YamlSequenceNode items ? items.Children : [];

    private static string Resolve(YamlNode node) => ComposeVariables.WithDefaults(Text(node));
}
