using System.Text;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>What one test release file says; <see cref="ToText"/> writes it as the export does (YAML front matter, then markdown).</summary>
public sealed record ReleaseFileText
{
    public const string Site = "https://www.beehive.govt.nz";

    public required string Title { get; init; }

    /// <summary>As written in the front matter: "2020-01-15", "0001-01-01" (unknown), or a timestamp.</summary>
    public string Date { get; init; } = "2020-01-15";

    /// <summary>Null: derived from the file name, <c>https://www.beehive.govt.nz/release/NAME</c>.</summary>
    public string? Url { get; init; }

    public IReadOnlyList<string> Ministers { get; init; } = [];

    public IReadOnlyList<string> Portfolios { get; init; } = [];

    public IReadOnlyList<string> Attachments { get; init; } = [];

    public string Body { get; init; } = "The release says something.";

    public static string UrlFor(string name) => $"{Site}/release/{name}";

    public string ToText(string fileName)
    {
        var url = Url ?? UrlFor(Path.GetFileNameWithoutExtension(fileName));
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quote(Title)).Append('\n');
        text.Append("date: ").Append(Date).Append('\n');
        text.Append("url: ").Append(url).Append('\n');
        AppendList(text, "ministers", Ministers);
        AppendList(text, "portfolios", Portfolios);
        AppendList(text, "attachments", Attachments);
        text.Append("---\n\n");
        text.Append(Body).Append('\n');
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        text.Append(key).Append(":\n");
        foreach (var value in values)
        {
            text.Append("  - ").Append(Quote(value)).Append('\n');
        }
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A folder of release files to ingest, written by the test.</summary>
public sealed class SourceFolder(string path)
{
    public string Path { get; } = path;

    /// <summary>Writes <paramref name="release"/> to <paramref name="relativePath"/> (folders created) and returns the full path.</summary>
    public string Write(string relativePath, ReleaseFileText release) =>
        WriteRaw(relativePath, release.ToText(System.IO.Path.GetFileName(relativePath)));

    public string Write(string relativePath, string title, string date = "2020-01-15", string[]? ministers = null, string[]? portfolios = null, string? body = null, string? url = null) =>
        Write(relativePath, new ReleaseFileText
        {
            Title = title,
            Date = date,
            Url = url,
            Ministers = ministers ?? [],
            Portfolios = portfolios ?? [],
            Body = body ?? $"Body of the release titled {title}.",
        });

    public string WriteRaw(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    public void Move(string from, string to)
    {
        var target = FullPath(to);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Move(FullPath(from), target);
    }

    public string FullPath(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
