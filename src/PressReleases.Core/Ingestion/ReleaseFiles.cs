namespace PressReleases.Core.Ingestion;

/// <summary>A file found under the ingested folder.</summary>
public sealed record ReleaseFile(string FullPath, string RelativePath);

/// <summary>Finds release files: every *.md under a folder, recursively, in a stable (ordinal path) order.</summary>
public static class ReleaseFiles
{
    // Files that describe a folder of releases rather than being one (seeds/SOURCE.md, LICENSE.md).
    private static readonly HashSet<string> FolderDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "SOURCE.md", "LICENSE.md", "README.md",
    };

    public static List<ReleaseFile> Enumerate(string root)
    {
        // Symbolic links are not followed: a link back up the tree would otherwise loop for ever.
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseInsensitive,
            MatchType = MatchType.Simple,
        };

        var files = new List<ReleaseFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*.md", options))
        {
            if (FolderDescriptions.Contains(Path.GetFileName(path)))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            files.Add(new ReleaseFile(path, relative));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
