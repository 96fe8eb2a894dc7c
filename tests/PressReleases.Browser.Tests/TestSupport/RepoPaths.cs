namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>Where the repository and its seeds are, found by walking up from the test assembly to PressReleases.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>Screenshots go under the test output folder (bin/…/TestResults/screenshots), never into the source tree.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>
    /// How many releases the seeds give: release files (SOURCE.md and LICENSE.md aside) whose front matter has a
    /// non-empty title. The ingester rejects the one seed without a title, so this is 213 for the seeds as shipped.
    /// </summary>
    public static int CountSeedReleases()
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(Seeds, "*.md", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name is "SOURCE.md" or "LICENSE.md")
            {
                continue;
            }

            if (HasTitle(File.ReadLines(file)))
            {
                count++;
            }
        }

        return count;
    }

    private static bool HasTitle(IEnumerable<string> lines)
    {
        var inFrontMatter = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line == "---")
            {
                if (inFrontMatter)
                {
                    return false;
                }

                inFrontMatter = true;
                continue;
            }

            if (!inFrontMatter)
            {
                return false;
            }

            if (line.StartsWith("title:", StringComparison.Ordinal))
            {
                var value = line["title:".Length..].Trim().Trim('"', '\'').Trim();
                return value.Length > 0;
            }
        }

        return false;
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
