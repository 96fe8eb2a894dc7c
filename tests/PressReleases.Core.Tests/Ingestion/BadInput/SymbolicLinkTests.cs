using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>
/// Symbolic links are never followed (a loop would recurse for ever; a link out of the folder would
/// ingest files that are not the folder's): only the folder's own files are ingested.
/// </summary>
public abstract class SymbolicLinkTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task LoopsAndLinksInTheFolder_AreNotFollowed_AndTheRealFilesAreIngested()
    {
        var source = store.Source;
        source.Write("a-good.md", "Kiwifruit growers welcome trade deal");
        source.Write("2020/03/b-good.md", "Avocado harvest record");

        // A loop to the folder itself, a loop up from a sub-folder, two links that point at each other,
        // a link to a file inside and to a folder outside, and a link to nothing.
        var outside = store.Temp.Sub("outside");
        new SourceFolder(outside).Write("outside.md", "Outside release");
        Directory.CreateSymbolicLink(source.FullPath("loop"), source.Path);
        Directory.CreateSymbolicLink(source.FullPath("2020/03/up"), source.FullPath("2020"));
        File.CreateSymbolicLink(source.FullPath("ping.md"), source.FullPath("pong.md"));
        File.CreateSymbolicLink(source.FullPath("pong.md"), source.FullPath("ping.md"));
        File.CreateSymbolicLink(source.FullPath("c-link.md"), source.FullPath("a-good.md"));
        Directory.CreateSymbolicLink(source.FullPath("elsewhere"), outside);
        File.CreateSymbolicLink(source.FullPath("dangling.md"), source.FullPath("nowhere.md"));

        var report = await store.IngestAsync();

        Assert.Equal((2, 2, 0), (report.FilesSeen, report.Added, report.Rejected));
        Assert.Empty(report.Problems);
        Assert.Equal(["a-good", "b-good"], (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));
    }
}

public sealed class SymbolicLinkOnSqliteTests() : SymbolicLinkTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class SymbolicLinkOnPostgreSqlTests() : SymbolicLinkTests(StoreProvider.PostgreSql);
