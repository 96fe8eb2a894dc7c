using PressReleases.Web.Listing;

namespace PressReleases.Web.Tests.Architecture;

/// <summary>
/// The listing is one slice the other surfaces use: <c>Listing/</c> uses no page, API or feed code, and the
/// API, feeds and pages use the listing rather than one another's pages. Read from the compiled assembly
/// (see TestSupport's TypeDependencies); docs/architecture.md states the same rule.
/// </summary>
public class WebFolderTests
{
    private const string Web = "PressReleases.Web";

    private static readonly Dictionary<string, SortedSet<string>> Uses =
        TypeDependencies.BetweenNamespaces(typeof(ListingState).Assembly, Web + ".");

    [Fact]
    public void Listing_UsesNoSurfaceThatUsesIt()
    {
        var uses = UsesOf("Listing");

        Assert.DoesNotContain(uses, u => u.StartsWith("Pages", StringComparison.Ordinal) || u is "Api" or "Feeds" or "Citations" or "Discovery" or "Cli");
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Feeds")]
    public void MachineReadableSurfaces_UseTheListing_NotThePages(string folder)
    {
        var uses = UsesOf(folder);

        Assert.Contains("Listing", uses);
        Assert.DoesNotContain(uses, u => u.StartsWith("Pages", StringComparison.Ordinal));
    }

    [Fact]
    public void NoWebFolder_UsesTheSqliteProvider()
    {
        var sqlite = TypeDependencies.AssembliesUsed(typeof(ListingState).Assembly, Web)
            .Where(pair => pair.Value.Any(assembly => assembly.Contains("Sqlite", StringComparison.OrdinalIgnoreCase)))
            .Select(pair => pair.Key);

        Assert.Empty(sqlite);
    }

    private static IEnumerable<string> UsesOf(string folder) =>
        Uses.TryGetValue($"{Web}.{folder}", out var uses)
            ? uses.Select(u => u[(Web.Length + 1)..])
            : throw new InvalidOperationException($"No types in {Web}.{folder}.");
}
