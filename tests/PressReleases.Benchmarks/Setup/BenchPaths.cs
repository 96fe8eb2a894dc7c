namespace PressReleases.Benchmarks.Setup;

/// <summary>
/// Where the repository, the corpus and the benchmark data directory are. The host process resolves them
/// once and exports them as environment variables, so BenchmarkDotNet's child processes (which run from a
/// generated folder of their own) use the very same paths.
/// </summary>
public static class BenchPaths
{
    public const string DataVariable = "PRESSRELEASES_BENCH_DATA";
    public const string CorpusVariable = "PRESSRELEASES_BENCH_CORPUS";
    public const string DefaultData = "/tmp/pressreleases-bench-data";

    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder that holds PressReleases.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The full export, beside the repository (never copied into it).</summary>
    public static string CorpusFolder =>
        Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } corpus
            ? Path.GetFullPath(corpus)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "beehive", "releases"));

    /// <summary>The SQLite store and Lucene index of the full corpus, built once and reused.</summary>
    public static string DataFolder =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } data ? Path.GetFullPath(data) : DefaultData;

    /// <summary>The search-quality project's judged queries: real questions, so they lead the query mix.</summary>
    public static string JudgedQueriesFile =>
        Path.Combine(RepoRoot, "tests", "PressReleases.SearchQuality.Tests", "judged-queries.json");

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PressReleases.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchSetupException($"No folder containing PressReleases.sln above '{AppContext.BaseDirectory}' or the current folder.");
    }
}

/// <summary>A benchmark cannot start (no corpus, no repository, a sample that cannot be drawn): the message says why.</summary>
public sealed class BenchSetupException(string message, Exception? inner = null) : Exception(message, inner);
