using System.Text.RegularExpressions;
using PressReleases.Core.Ingestion;
using YamlDotNet.RepresentationModel;

namespace PressReleases.CorpusGenerator;

/// <summary>The raw fields of one real release file, as written (no normalisation), for statistics and query lists.</summary>
public sealed partial record RealRelease(string Title, string Date, string Url, List<string> Ministers, List<string> Portfolios, int Attachments, string Body)
{
    /// <summary>Every *.md under the folder, in a fixed (ordinal) order so results never depend on the file system.</summary>
    public static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The release, or null when the file is not one the ingester would read.</summary>
    public static RealRelease? TryRead(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var split = FrontMatter.Split(text.TrimStart('\uFEFF'));
            var stream = new YamlStream();
            stream.Load(new StringReader(split.Yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return null;
            }

            string Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s ? s.Value?.Trim() ?? "" : "";
            List<string> List(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) switch
            {
                true when n is YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => c.Value?.Trim() ?? "").Where(v => v.Length > 0).ToList(),
                true when n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
                _ => [],
            };

            var title = Scalar("title");
            return title.Length == 0 ? null : new RealRelease(title, Scalar("date"), Scalar("url"), List("ministers"), List("portfolios"), List("attachments").Count, split.Body);
        }
        catch (Exception ex) when (ex is ReleaseFileException or YamlDotNet.Core.YamlException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>"YYYY-MM" of the date, "0001-01" when unknown or unreadable.</summary>
    public string Month => Date.Length >= 7 && Date[..4].All(char.IsAsciiDigit) && Date[4] == '-' ? Date[..7] : "0001-01";

    /// <summary>The body with link targets and bare addresses removed, so only words people read remain.</summary>
    public string ReadableBody => BareUrl().Replace(LinkTarget().Replace(Body, "$1"), " ");

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"(https?://|www\.)\S+")]
    private static partial Regex BareUrl();
}
