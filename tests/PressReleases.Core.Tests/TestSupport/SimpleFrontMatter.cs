using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>
/// The test's own, deliberately simple reading of a release file (line based, no YAML library), used to
/// compute expected results independently of the code under test. It understands what the export writes:
/// <c>key: value</c> lines, <c>  - item</c> list lines, double-quoted or plain values.
/// </summary>
public sealed partial record SimpleFrontMatter(string FileName, Dictionary<string, (string Value, int Line)> Scalars, Dictionary<string, List<string>> Lists, string[] BodyLines)
{
    public string? Title => Scalar("title");

    public int? TitleLine => Scalars.TryGetValue("title", out var v) ? v.Line : null;

    public string? Url => Scalar("url");

    public string? Date => Scalar("date");

    public IReadOnlyList<string> Ministers => Lists.GetValueOrDefault("ministers") ?? [];

    public IReadOnlyList<string> Portfolios => Lists.GetValueOrDefault("portfolios") ?? [];

    public string? Scalar(string key) => Scalars.TryGetValue(key, out var v) ? v.Value : null;

    public static SimpleFrontMatter? Read(string path)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimStart('\uFEFF') != "---")
        {
            return null;
        }

        var scalars = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? currentList = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line == "---")
            {
                return new SimpleFrontMatter(Path.GetFileName(path), scalars, lists, lines[(i + 1)..]);
            }

            if (line.StartsWith("  - ", StringComparison.Ordinal) && currentList is not null)
            {
                lists[currentList].Add(Unquote(line[4..]));
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                currentList = key;
                lists[key] = [];
                scalars[key] = ("", i + 1);
            }
            else
            {
                currentList = null;
                scalars[key] = (Unquote(value), i + 1);
            }
        }

        return null;
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
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

    /// <summary>A person's name without honorifics, by the test's own rule.</summary>
    public static string WithoutHonorifics(string name) => TrailingTitles().Replace(LeadingTitles().Replace(name.Trim(), ""), "");

    /// <summary>
    /// The test's own rough rule for a person's name (after honorifics are removed): two to five words, each
    /// capitalised or a name particle, with no digits, slashes, colons or brackets. Export link text
    /// ("clicking here", "View/download PDF file", URLs) fails it.
    /// </summary>
    public static bool LooksLikeName(string entry) => PersonName().IsMatch(WithoutHonorifics(entry));

    /// <summary>The test's own slug: diacritics and apostrophes dropped, lower case, other runs of characters become '-'.</summary>
    public static string KeyOf(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\'' or '’'))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return NonAlphanumeric().Replace(folded.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"^(?:(?:Rt\.? |Right )?Hon(?:ourable)?\.? |Dr\.? |Sir |Dame )+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTitles();

    [GeneratedRegex(@",? (?:KC|QC)$")]
    private static partial Regex TrailingTitles();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’.-]*|te|van|de)(?: (?:\p{Lu}[\p{L}'’.-]*|te|van|de)){1,4}$")]
    private static partial Regex PersonName();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
