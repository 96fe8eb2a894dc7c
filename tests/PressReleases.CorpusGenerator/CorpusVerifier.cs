using System.Diagnostics;
using PressReleases.Core.Ingestion;

namespace PressReleases.CorpusGenerator;

/// <summary>
/// The self-check: every generated file must be read by the real parser, be marked synthetic three
/// ways, have a unique address, and the corpus' year and minister shares must follow the statistics.
/// </summary>
public static class CorpusVerifier
{
    public static int Verify(string folder, long? expected, string statsPath)
    {
        var stats = CorpusStats.Load(statsPath);
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var years = new Dictionary<string, int>(StringComparer.Ordinal);
        var ministerSlugs = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var clock = Stopwatch.StartNew();
        var files = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
        {
            files++;
            var bytes = File.ReadAllBytes(path);
            ParsedRelease release;
            try
            {
                release = parser.Parse(bytes);
            }
            catch (ReleaseFileException ex)
            {
                problems.Add($"{path}: rejected by the parser: {ex.Message}");
                continue;
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var frontMatter = FrontMatter.Split(text);
            if (!frontMatter.Yaml.Contains("\nsynthetic: true\n", StringComparison.Ordinal))
            {
                problems.Add($"{path}: no 'synthetic: true' in the front matter");
            }

            if (!frontMatter.Body.TrimStart().StartsWith(ReleaseComposer.Marker, StringComparison.Ordinal))
            {
                problems.Add($"{path}: the body does not open with the synthetic marker");
            }

            if (new Uri(release.Url).Host != ReleaseComposer.Host || !urls.Add(release.Url))
            {
                problems.Add($"{path}: url {release.Url} is not a unique {ReleaseComposer.Host} address");
            }

            var year = release.Date?.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) ?? "0001";
            years[year] = years.GetValueOrDefault(year) + 1;
            foreach (var minister in release.Ministers)
            {
                ministerSlugs[minister.Slug] = ministerSlugs.GetValueOrDefault(minister.Slug) + 1;
            }

            if (problems.Count > 20)
            {
                break;
            }
        }

        if (expected is { } count && files != count)
        {
            problems.Add($"{files:N0} files, expected {count:N0}");
        }

        // Shares, not counts: how far the generated year distribution is from the real one.
        var realTotal = (double)stats.Months.Values.Sum();
        var realYears = stats.Months.GroupBy(m => m.Key[..4]).ToDictionary(g => g.Key, g => g.Sum(m => m.Value) / realTotal);
        var worstYear = realYears.Keys.Union(years.Keys)
            .Select(y => (Year: y, Gap: Math.Abs(realYears.GetValueOrDefault(y) - (double)years.GetValueOrDefault(y) / Math.Max(1, files))))
            .MaxBy(g => g.Gap);
        Console.WriteLine($"verified {files:N0} files in {clock.Elapsed.TotalSeconds:F1} s: {urls.Count:N0} unique synthetic urls, {ministerSlugs.Count} ministers, {years.Count} years");
        Console.WriteLine($"  largest gap between generated and real share of a year: {worstYear.Year} {worstYear.Gap:P2}");
        Console.WriteLine($"  most frequent generated ministers: {string.Join(", ", ministerSlugs.OrderByDescending(m => m.Value).Take(5).Select(m => $"{m.Key} {m.Value:N0}"))}");
        if (files >= 10_000 && worstYear.Gap > 0.02)
        {
            problems.Add($"the share of year {worstYear.Year} is {worstYear.Gap:P2} away from the real corpus");
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        Console.WriteLine(problems.Count == 0 ? "verify: OK" : $"verify: FAILED ({problems.Count} problems)");
        return problems.Count == 0 ? 0 : 1;
    }
}
