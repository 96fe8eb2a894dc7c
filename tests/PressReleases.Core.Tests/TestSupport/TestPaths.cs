namespace PressReleases.Core.Tests.TestSupport;

/// <summary>Where the repository, its seed releases and the shared corpus are, found from the test binaries.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder that holds PressReleases.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>repo/seeds: 214 real releases plus SOURCE.md and LICENSE.md.</summary>
    public static string SeedsFolder => Path.Combine(RepoRoot, "seeds");

    /// <summary>The full export, in a sibling <c>shared</c> folder of the repository: shared/corpus/beehive/releases/YYYY/MM/*.md.</summary>
    public static string CorpusFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "beehive", "releases"));

    /// <summary>The corpus folder, or a failure that says where it was looked for (a test that needs it never skips silently).</summary>
    public static string RequireCorpusFolder()
    {
        var folder = CorpusFolder;
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The shared release corpus was not found at '{folder}'. It must sit beside the repository " +
                        $"('{RepoRoot}') as shared/corpus/beehive/releases/YYYY/MM/*.md.");
        }

        return folder;
    }

    public static string RequireSeedsFolder()
    {
        var folder = SeedsFolder;
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The seeds folder was not found at '{folder}'.");
        }

        return folder;
    }

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
