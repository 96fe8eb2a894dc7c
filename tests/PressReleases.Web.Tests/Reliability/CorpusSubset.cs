namespace PressReleases.Web.Tests.Reliability;

/// <summary>A deterministic slice of the real corpus copied into a test folder (same YYYY/MM layout), so a test can change it freely.</summary>
public static class CorpusSubset
{
    /// <summary>Every <paramref name="step"/>-th release file of the corpus in path order: all years, the odd files included.</summary>
    public static int CopyEvery(int step, string destination)
    {
        var root = RepoPaths.RequireCorpusFolder();

        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => f.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Where((_, i) => i % step == 0)
            .ToList();
        foreach (var relative in files)
        {
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, relative), target);
        }

        return files.Count;
    }
}
