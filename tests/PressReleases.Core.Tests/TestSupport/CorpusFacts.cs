namespace PressReleases.Core.Tests.TestSupport;

/// <summary>Minister and portfolio counts over a set of real release files, as the test reads them.</summary>
public sealed class CorpusFacts(IReadOnlyList<SimpleFrontMatter> files)
{
    /// <summary>Per minister key, how many files name that person (entries that are not names left out).</summary>
    public Dictionary<string, int> MinisterCounts { get; } = files
        .SelectMany(f => f.Ministers.Where(SimpleFrontMatter.LooksLikeName).Select(m => SimpleFrontMatter.KeyOf(SimpleFrontMatter.WithoutHonorifics(m))).Distinct())
        .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    public Dictionary<string, int> PortfolioCounts { get; } = files
        .SelectMany(f => f.Portfolios.Select(SimpleFrontMatter.KeyOf).Distinct())
        .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Ministers entries that are not names, by file.</summary>
    public List<(string File, string Entry)> JunkMinisterEntries { get; } = files
        .SelectMany(f => f.Ministers.Where(m => !SimpleFrontMatter.LooksLikeName(m)).Select(m => (f.FileName, m)))
        .ToList();

    /// <summary>The spellings of a minister's name in the files (honorifics removed, typographic apostrophes made plain).</summary>
    public HashSet<string> SpellingsOf(string slug) => files
        .SelectMany(f => f.Ministers)
        .Select(m => SimpleFrontMatter.WithoutHonorifics(m).Replace('’', '\''))
        .Where(m => SimpleFrontMatter.KeyOf(m) == slug)
        .ToHashSet();
}

public static class CountAssert
{
    /// <summary>Equal counts per key; on failure lists only the keys that differ.</summary>
    public static void Equal(IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual)
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}: expected {(expected.TryGetValue(k, out var e) ? e : "none")}, actual {(actual.TryGetValue(k, out var a) ? a : "none")}")
            .ToList();
        Assert.True(differences.Count == 0, "Counts differ:\n" + string.Join("\n", differences));
        Assert.Equal(expected.Count, actual.Count);
    }
}
