namespace PressReleases.SearchQuality.Tests.TestSupport;

/// <summary>The files this project reads and writes beside its test binaries (the corpus is in <see cref="RepoPaths"/>).</summary>
public static class QualityFiles
{
    /// <summary>This project's judged query set, copied beside the test binaries.</summary>
    public static string JudgedQueries => Path.Combine(AppContext.BaseDirectory, "judged-queries.json");

    /// <summary>Where the report is written: under the test output directory, never in the repository.</summary>
    public static string Report => Path.Combine(AppContext.BaseDirectory, "TestResults", "search-quality.md");
}
