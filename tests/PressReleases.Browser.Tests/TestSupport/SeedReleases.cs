namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>What the repository's seeds should give the site, read from the files by the test itself.</summary>
public static class SeedReleases
{
    /// <summary>
    /// How many releases the seeds give: release files (SOURCE.md and LICENSE.md aside) whose front matter has a
    /// non-empty title. The ingester rejects the one seed without a title, so this is 213 for the seeds as shipped.
    /// </summary>
    public static int Count()
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.RequireSeedsFolder(), "*.md", SearchOption.AllDirectories))
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
}
