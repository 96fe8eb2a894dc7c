using System.Globalization;
using System.Text;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>A release file to write: YAML front matter (title, date, url, ministers, portfolios, attachments) and a markdown body.</summary>
public sealed record ReleaseSpec(
    string FileName,
    string Title,
    string Date,
    string Url,
    IReadOnlyList<string> Ministers,
    IReadOnlyList<string> Portfolios,
    string Body)
{
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The last path segment of the url: the permalink slug for the URL-safe urls these tests write.</summary>
    public string Slug => new Uri(Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    /// <summary>A release with a beehive url ending in <paramref name="slug"/>.</summary>
    public static ReleaseSpec Make(string slug, string title, string date, string[] ministers, string[] portfolios, string body) =>
        new($"{date}-{slug}.md", title, date, $"https://www.beehive.govt.nz/release/{slug}", ministers, portfolios, body);
}

/// <summary>Writes release files the way the beehive export lays them out.</summary>
public static class ReleaseFileWriter
{
    public static string Write(string folder, ReleaseSpec spec)
    {
        var yaml = new StringBuilder();
        yaml.Append("---\n");
        yaml.Append("title: ").Append(Quote(spec.Title)).Append('\n');
        yaml.Append("date: ").Append(spec.Date).Append('\n');
        yaml.Append("url: ").Append(spec.Url).Append('\n');
        AppendList(yaml, "ministers", spec.Ministers);
        AppendList(yaml, "portfolios", spec.Portfolios);
        if (spec.Attachments.Count > 0)
        {
            AppendList(yaml, "attachments", spec.Attachments);
        }

        yaml.Append("---\n\n").Append(spec.Body).Append('\n');
        var path = Path.Combine(folder, spec.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static void WriteAll(string folder, IEnumerable<ReleaseSpec> specs)
    {
        foreach (var spec in specs)
        {
            Write(folder, spec);
        }
    }

    private static void AppendList(StringBuilder yaml, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            yaml.Append(key).Append(": []\n");
            return;
        }

        yaml.Append(key).Append(":\n");
        foreach (var value in values)
        {
            yaml.Append("  - ").Append(Quote(value)).Append('\n');
        }
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>What the tests read from a release file, with a deliberately simple line reader (not the production parser).</summary>
public sealed record ReleaseFileInfo(
    string FullPath,
    string Title,
    string Date,
    string Url,
    IReadOnlyList<string> Ministers,
    IReadOnlyList<string> Portfolios,
    IReadOnlyList<string> Attachments,
    string Body)
{
    public string FileName => Path.GetFileName(FullPath);

    public string UrlSegment => Url.TrimEnd('/').Split('/')[^1];

    /// <summary>The date, or null for the export's placeholder 0001-01-01 (date unknown).</summary>
    public DateOnly? KnownDate =>
        DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d != DateOnly.MinValue ? d : null;

    /// <summary>Ministers as people are called: "Hon", "Rt Hon" and "Dr" in front removed.</summary>
    public IEnumerable<string> MinisterPeople => Ministers.Select(ReleaseFileReader.StripHonorifics).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The validation rules require a title, a date and a url.</summary>
    public bool HasRequiredFields => Title.Trim().Length > 0 && Date.Trim().Length > 0 && Url.Trim().Length > 0;
}

public static class ReleaseFileReader
{
    private static readonly string[] FolderDescriptions = ["SOURCE.md", "LICENSE.md", "README.md"];

    private static readonly string[] Honorifics = ["Rt Hon ", "Hon ", "Dr "];

    /// <summary>Every release file under <paramref name="folder"/>: *.md, recursively, except the files that describe the folder.</summary>
    public static IReadOnlyList<ReleaseFileInfo> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(f => !FolderDescriptions.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(Read)
            .ToList();

    public static ReleaseFileInfo Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new InvalidDataException($"{path} does not start with front matter");
        }

        var scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        string? currentKey = null;
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---")
            {
                end = i;
                break;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && currentKey is not null)
            {
                lists[currentKey].Add(Unquote(trimmed[2..].Trim()));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(line[0]))
            {
                currentKey = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                lists[currentKey] = [];
                if (value.Length > 0 && value != "[]")
                {
                    scalars[currentKey] = Unquote(value);
                }
            }
        }

        if (end < 0)
        {
            throw new InvalidDataException($"{path}: front matter is not closed");
        }

        return new ReleaseFileInfo(
            path,
            scalars.GetValueOrDefault("title", ""),
            scalars.GetValueOrDefault("date", ""),
            scalars.GetValueOrDefault("url", ""),
            lists.GetValueOrDefault("ministers") ?? [],
            lists.GetValueOrDefault("portfolios") ?? [],
            lists.GetValueOrDefault("attachments") ?? [],
            string.Join('\n', lines[(end + 1)..]).Trim());
    }

    public static string StripHonorifics(string name)
    {
        var result = name.Trim();
        bool changed;
        do
        {
            changed = false;
            foreach (var title in Honorifics)
            {
                if (result.StartsWith(title, StringComparison.Ordinal))
                {
                    result = result[title.Length..].TrimStart();
                    changed = true;
                }
            }
        }
        while (changed);

        return result;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return value;
    }
}

/// <summary>What the seed folder should give, computed from its files.</summary>
public static class SeedCorpus
{
    private static readonly Lazy<IReadOnlyList<ReleaseFileInfo>> AllFiles = new(() => ReleaseFileReader.ReadFolder(RepoPaths.Seeds));

    /// <summary>Every release file in seeds/ (SOURCE.md and LICENSE.md excluded), including the one that is rejected.</summary>
    public static IReadOnlyList<ReleaseFileInfo> Files => AllFiles.Value;

    /// <summary>The files the ingester accepts: those with a title, date and url.</summary>
    public static IReadOnlyList<ReleaseFileInfo> Accepted => Files.Where(f => f.HasRequiredFields).ToList();

    public static int ExpectedReleases => Accepted.Count;
}
