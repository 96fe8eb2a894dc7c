namespace PressReleases.SearchQuality.Tests.TestSupport;

/// <summary>Where the repository and the shared corpus are, found from the test binaries.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder that holds PressReleases.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The full export, in a sibling <c>shared</c> folder of the repository: shared/corpus/beehive/releases/YYYY/MM/*.md.</summary>
    public static string CorpusFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "beehive", "releases"));

    /// <summary>This project's judged query set, copied beside the test binaries.</summary>
    public static string JudgedQueriesFile => Path.Combine(AppContext.BaseDirectory, "judged-queries.json");

    /// <summary>Where the report is written: under the test output directory, never in the repository.</summary>
    public static string ReportFile => Path.Combine(AppContext.BaseDirectory, "TestResults", "search-quality.md");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PressReleases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing PressReleases.sln above '{AppContext.BaseDirectory}'.");
    }
}
