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

    /// <summary>The providers stay behind Core's <c>Store/</c>: the site chooses one by configuration and never names either.</summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Npgsql")]
    public void NoWebFolder_UsesAStoreProvider(string provider)
    {
        var users = TypeDependencies.AssembliesUsed(typeof(ListingState).Assembly, Web)
            .Where(pair => pair.Value.Any(assembly => assembly.Contains(provider, StringComparison.OrdinalIgnoreCase)))
            .Select(pair => pair.Key);

        Assert.Empty(users);
    }

    private static IEnumerable<string> UsesOf(string folder) =>
        Uses.TryGetValue($"{Web}.{folder}", out var uses)
            ? uses.Select(u => u[(Web.Length + 1)..])
            : throw new InvalidOperationException($"No types in {Web}.{folder}.");
}
