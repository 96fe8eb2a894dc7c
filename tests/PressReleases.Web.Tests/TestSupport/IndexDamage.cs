namespace PressReleases.Web.Tests.TestSupport;

/// <summary>What happens to an index folder on a real machine: a torn write, an operator's rm, a killed process's locks.</summary>
public static class IndexDamage
{
    public const string TruncatedSegment = "truncated segment file";
    public const string DeletedFolder = "deleted index folder";
    public const string StaleWriteLock = "stale write.lock";

    public static void Apply(string indexPath, string damage)
    {
        switch (damage)
        {
            case TruncatedSegment:
                var largest = new DirectoryInfo(indexPath).EnumerateFiles()
                    .Where(f => !f.Name.StartsWith("segments", StringComparison.Ordinal) && f.Name != "write.lock")
                    .OrderByDescending(f => f.Length).First();
                using (var stream = largest.Open(FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case DeletedFolder:
                Directory.Delete(indexPath, recursive: true);
                break;
            case StaleWriteLock:
                // What a killed process leaves: lock files nobody holds any more.
                File.WriteAllBytes(Path.Combine(indexPath, "write.lock"), []);
                File.WriteAllBytes(indexPath + ".lock", []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }
}
