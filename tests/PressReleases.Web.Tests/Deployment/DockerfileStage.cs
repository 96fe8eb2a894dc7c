using System.Globalization;
using System.Text.Json;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// The last stage of the repository's Dockerfile (the image that runs), read for what compose.yaml relies on:
/// its environment, exposed ports, volumes and entrypoint. Enough of the Dockerfile syntax for this file:
/// line continuations, comments, <c>ENV k=v ...</c>, exec-form (JSON) <c>ENTRYPOINT</c> and <c>HEALTHCHECK ... CMD</c>.
/// </summary>
internal sealed class DockerfileStage
{
    private DockerfileStage(IReadOnlyList<(string Instruction, string Arguments)> instructions)
    {
        foreach (var (instruction, arguments) in instructions)
        {
            switch (instruction)
            {
                case "ENV":
                    foreach (var pair in Words(arguments))
                    {
                        var (key, value) = pair.Contains('=', StringComparison.Ordinal) ? (pair.Split('=', 2)[0], pair.Split('=', 2)[1]) : (pair, "");
                        Environment[key] = value.Trim('"');
                    }

                    break;
                case "EXPOSE":
                    Exposed.AddRange(Words(arguments).Select(port => int.Parse(port.Split('/')[0], CultureInfo.InvariantCulture)));
                    break;
                case "VOLUME":
                    Volumes.AddRange(arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(arguments)! : Words(arguments));
                    break;
                case "HEALTHCHECK":
                    // "[--option=value ...] CMD [...]"; "NONE" turns an inherited one off.
                    var command = arguments.IndexOf("CMD ", StringComparison.Ordinal);
                    Healthcheck = command < 0 ? null : JsonSerializer.Deserialize<string[]>(arguments[(command + 4)..].Trim());
                    HealthcheckOptions = command < 0 ? [] : Words(arguments[..command])
                        .ToDictionary(option => option.Split('=', 2)[0], option => option.Split('=', 2).ElementAtOrDefault(1) ?? "", StringComparer.Ordinal);
                    break;
                case "ENTRYPOINT":
                    // The exec form; the shell form would run through /bin/sh and is read here as no entrypoint.
                    Entrypoint = arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(arguments) : null;
                    break;
            }
        }
    }

    public static string FilePath => Path.Combine(RepoPaths.Root, "Dockerfile");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public List<int> Exposed { get; } = [];

    public List<string> Volumes { get; } = [];

    public IReadOnlyList<string>? Entrypoint { get; }

    /// <summary>The HEALTHCHECK's command in exec form; null when there is none (or it is in the shell form).</summary>
    public IReadOnlyList<string>? Healthcheck { get; private set; }

    /// <summary>The HEALTHCHECK's options (<c>--interval</c>, <c>--start-period</c>, …) as written.</summary>
    public IReadOnlyDictionary<string, string> HealthcheckOptions { get; private set; } = new Dictionary<string, string>();

    /// <summary>The ports the site listens on: those of ASPNETCORE_URLS (e.g. <c>http://+:8080</c>).</summary>
    public IReadOnlyList<int> ListenPorts =>
        Environment.TryGetValue("ASPNETCORE_URLS", out var urls)
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(url => int.Parse(url[(url.LastIndexOf(':') + 1)..].TrimEnd('/'), CultureInfo.InvariantCulture)).ToList()
            : [];

    public static DockerfileStage Load() => Parse(File.ReadAllText(FilePath));

    public static DockerfileStage Parse(string text)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                // A comment, also inside a continued instruction.
                continue;
            }

            pending += (pending.Length > 0 ? " " : "") + line.TrimEnd('\\').Trim();
            if (line.EndsWith('\\') || pending.Length == 0)
            {
                continue;
            }

            var split = pending.IndexOf(' ', StringComparison.Ordinal);
            var instruction = (split < 0 ? pending : pending[..split]).ToUpperInvariant();
            if (instruction == "FROM")
            {
                // A new stage: only the last one is the image that runs.
                instructions.Clear();
            }

            instructions.Add((instruction, split < 0 ? "" : pending[(split + 1)..].Trim()));
            pending = "";
        }

        return new DockerfileStage(instructions);
    }

    private static string[] Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
