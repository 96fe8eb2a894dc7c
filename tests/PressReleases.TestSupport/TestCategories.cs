namespace PressReleases.TestSupport;

/// <summary>
/// Values of the "Category" trait: tests that need something beyond the repository and the .NET SDK. The fast
/// inner loop, <c>dotnet test PressReleases.sln --filter "Category!=Corpus&amp;Category!=Browser"</c>, leaves out
/// the ones that need the shared corpus or Chromium; docs/testing.md lists them.
/// </summary>
public static class TestCategories
{
    /// <summary>The trait key: <c>[Trait(TestCategories.Key, TestCategories.Corpus)]</c> filters as <c>Category=Corpus</c>.</summary>
    public const string Key = "Category";

    /// <summary>Reads the full real corpus at ../shared/corpus/beehive/releases (or a part of it).</summary>
    public const string Corpus = "Corpus";

    /// <summary>Drives Debian's Chromium through Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>
    /// Needs a PostgreSQL server: the tests start their own (Servers/PostgreSqlServer) from Debian's postgresql
    /// package, installing it when missing and running as root. In the fast loop too, since it costs seconds.
    /// </summary>
    public const string PostgreSql = "PostgreSql";

    /// <summary>Puts the site under load (wrk). No such tests yet; the name is reserved.</summary>
    public const string Load = "Load";
}
