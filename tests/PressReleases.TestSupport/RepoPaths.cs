using System.Globalization;

namespace PressReleases.TestSupport;

/// <summary>
/// Where the repository, its seeds and the shared corpus are, found by walking up from the test binaries to
/// PressReleases.sln. The "Require" helpers fail the calling test with the path they looked in: a test that
/// needs data never skips silently (the fast inner loop leaves such tests out by their category instead).
/// </summary>
public static class RepoPaths
{
    public const string SolutionFileName = "PressReleases.sln";

    private static readonly Lazy<string?> FoundRoot = new(() => TryFindRoot());

    /// <summary>The folder holding PressReleases.sln.</summary>
    public static string Root => FoundRoot.Value ?? throw new InvalidOperationException(
        $"No folder above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}' contains {SolutionFileName}.");

    /// <summary>repo/seeds: 214 real releases plus SOURCE.md and LICENSE.md.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The full export, beside the repository: <c>../shared/corpus/beehive/releases/YYYY/MM/*.md</c>.</summary>
    public static string CorpusReleases => CorpusReleasesBeside(Root);

    /// <summary>
    /// The repository above the test binaries, else above the current folder (a benchmark run from the repository
    /// by a published or generated binary), or null.
    /// </summary>
    public static string? TryFindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>Where the corpus sits for a given repository folder: in a sibling <c>shared</c> folder, never inside the repository.</summary>
    public static string CorpusReleasesBeside(string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "corpus", "beehive", "releases"));

    /// <summary>The whole corpus folder; a missing corpus fails the test with the path looked in.</summary>
    public static string RequireCorpusFolder()
    {
        var folder = CorpusReleases;
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The shared release corpus was not found at '{folder}'. {WhereTheCorpusBelongs}");
        }

        return folder;
    }

    /// <summary>One month folder of the corpus; a missing or empty month fails the test with the path looked in.</summary>
    public static string RequireCorpusMonth(int year, int month)
    {
        var folder = Path.Combine(
            CorpusReleases,
            year.ToString("0000", CultureInfo.InvariantCulture),
            month.ToString("00", CultureInfo.InvariantCulture));
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.md").Any())
        {
            Assert.Fail($"The shared corpus is missing: expected release files in '{folder}'. {WhereTheCorpusBelongs}");
        }

        return folder;
    }

    /// <summary>The seeds folder; it ships with the repository, so missing means a broken checkout.</summary>
    public static string RequireSeedsFolder()
    {
        var folder = Seeds;
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The seeds folder was not found at '{folder}'.");
        }

        return folder;
    }

    private static string WhereTheCorpusBelongs =>
        $"The real-corpus tests (category {TestCategories.Corpus}) need the beehive export beside the repository ('{Root}') " +
        "as ../shared/corpus/beehive/releases/YYYY/MM/*.md; leave them out with --filter \"Category!=Corpus\".";
}
