namespace PressReleases.Web.Tests.TestSupport;

/// <summary>Where the repository, its seeds and the shared corpus are, found from the test assembly's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding PressReleases.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The full export, beside the repository: <c>../shared/corpus/beehive/releases/YYYY/MM/*.md</c>.</summary>
    public static string CorpusReleases => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "beehive", "releases"));

    /// <summary>One month folder of the shared corpus; a missing corpus fails the test with a clear message (it is never skipped).</summary>
    public static string RequireCorpusMonth(int year, int month)
    {
        var folder = Path.Combine(CorpusReleases, year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), month.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.md").Any())
        {
            Assert.Fail($"The shared corpus is missing: expected release files in '{folder}'. " +
                "The real-corpus tests need the beehive export checked out beside the repository at ../shared/corpus/beehive/releases/YYYY/MM/*.md.");
        }

        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PressReleases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains PressReleases.sln.");
    }
}
