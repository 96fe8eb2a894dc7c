using System.Text.RegularExpressions;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>Words taken from the seeds themselves, so the tests follow the data rather than hard-coding it.</summary>
public static partial class SeedWords
{
    /// <summary>
    /// The long plain word (letters only, 9+ characters) found in the most seed releases, and a misspelling of it:
    /// one letter dropped from its middle, the kind of typo the "did you mean" suggestion is for
    /// ("government" → "goverment").
    /// </summary>
    public static (string Word, string Misspelled) CommonWordMisspelled()
    {
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Seeds, "*.md"))
        {
            if (Path.GetFileName(file) is "SOURCE.md" or "LICENSE.md")
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var body = text.StartsWith("---", StringComparison.Ordinal) && text.IndexOf("\n---", 3, StringComparison.Ordinal) is var end and > 0
                ? text[(end + 4)..]
                : text;
            foreach (var word in WordPattern().Matches(body.ToLowerInvariant()).Select(m => m.Value).Distinct())
            {
                documentCounts[word] = documentCounts.GetValueOrDefault(word) + 1;
            }
        }

        var best = documentCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        var middle = best.Length / 2;
        return (best, best.Remove(middle, 1));
    }

    [GeneratedRegex(@"\b[a-z]{9,}\b")]
    private static partial Regex WordPattern();
}
