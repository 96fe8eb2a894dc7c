using PressReleases.TestSupport;

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

    private static readonly Lazy<string?> FoundRoot = new(RepoPaths.TryFindRoot);

    /// <summary>The folder that holds PressReleases.sln (found above the binaries or the current folder).</summary>
    public static string RepoRoot => FoundRoot.Value ?? throw new BenchSetupException(
        $"No folder containing {RepoPaths.SolutionFileName} above '{AppContext.BaseDirectory}' or the current folder.");

    /// <summary>The full export, beside the repository (never copied into it).</summary>
    public static string CorpusFolder =>
        Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } corpus
            ? Path.GetFullPath(corpus)
            : RepoPaths.CorpusReleasesBeside(RepoRoot);

    /// <summary>The SQLite store and Lucene index of the full corpus, built once and reused.</summary>
    public static string DataFolder =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } data ? Path.GetFullPath(data) : DefaultData;

    /// <summary>The search-quality project's judged queries: real questions, so they lead the query mix.</summary>
    public static string JudgedQueriesFile =>
        Path.Combine(RepoRoot, "tests", "PressReleases.SearchQuality.Tests", "judged-queries.json");
}

/// <summary>A benchmark cannot start (no corpus, no repository, a sample that cannot be drawn): the message says why.</summary>
public sealed class BenchSetupException(string message, Exception? inner = null) : Exception(message, inner);
