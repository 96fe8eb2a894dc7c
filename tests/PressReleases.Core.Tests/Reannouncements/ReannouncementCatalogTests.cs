using PressReleases.Core.Reannouncements;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Reannouncements;

/// <summary>
/// What pages read from the stored pairs: one release's links, with the first appearance marked, and the groups,
/// largest first. The texts: "long" holds "part-one" and "part-two" whole (100 words each, so 96 runs each of its
/// 196 are shared with each); "same-a" and "same-b" are one text on one day; "gone" repeated "part-one" and was removed.
/// </summary>
public abstract class ReannouncementCatalogTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly string PartOne = Prose.Words(11, 100);
    private static readonly string PartTwo = Prose.Words(12, 100);
    private static readonly string Same = Prose.Words(13, 150);

    private TestStore store = null!;
    private ReannouncementCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(provider);
        catalog = new ReannouncementCatalog(store.DbFactory, store.Catalog);
        store.Source.Write("part-one.md", "Part one", date: "2020-01-01", body: PartOne);
        store.Source.Write("long.md", "Long", date: "2020-02-01", body: PartOne + "\n\n" + PartTwo);
        store.Source.Write("part-two.md", "Part two", date: "2020-03-01", body: PartTwo);
        store.Source.Write("same-b.md", "Same B", date: "2019-06-01", body: Same);
        store.Source.Write("same-a.md", "Same A", date: "2019-06-01", body: Same);
        store.Source.Write("gone.md", "Gone", date: "2019-01-01", body: PartOne);
        store.Source.Write("alone.md", "Alone", date: "2019-01-01", body: Prose.Words(14, 150));
        await store.IngestAsync();
        store.Source.Delete("gone.md");
        await store.IngestAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ARelease_LinksTheOthers_EarliestFirst_WithBothShares_AndTheFirstAppearanceMarked()
    {
        var links = await LinksOfAsync("long");

        Assert.False(links.IsFirst);
        Assert.Equal(
            [
                new ReannouncementLink("part-one", "Part one", new DateOnly(2020, 1, 1), 96.0 / 196, 1.0, IsFirst: true),
                new ReannouncementLink("part-two", "Part two", new DateOnly(2020, 3, 1), 96.0 / 196, 1.0, IsFirst: false),
            ],
            links.Links);
        Assert.All(links.Links, l => Assert.False(l.HasMuchOfThisText));
    }

    [Fact]
    public async Task TheEarliest_IsTheFirstAppearance_ItsLinksAreNot()
    {
        var links = await LinksOfAsync("part-one");

        Assert.True(links.IsFirst);
        var link = Assert.Single(links.Links);
        Assert.Equal(("long", 1.0, 96.0 / 196, false), (link.Slug, link.Share, link.OtherShare, link.IsFirst));
        Assert.True(link.HasMuchOfThisText);
    }

    [Fact]
    public async Task OnOneDay_TheSlugThatSortsFirst_IsTheFirstAppearance()
    {
        Assert.True((await LinksOfAsync("same-a")).IsFirst);
        var fromB = await LinksOfAsync("same-b");
        Assert.False(fromB.IsFirst);
        Assert.Equal([("same-a", 1.0, true)], fromB.Links.Select(l => (l.Slug, l.Share, l.IsFirst)));
    }

    [Fact]
    public async Task AReleaseWithoutPairs_HasNoLinks()
    {
        Assert.Same(ReleaseReannouncements.None, await LinksOfAsync("alone"));
    }

    [Fact]
    public async Task Groups_AreTheConnectedReleases_LargestFirst_EachFromItsFirstAppearance_WithoutRemovedOnes()
    {
        var page = await catalog.ClustersAsync(1, 10);

        Assert.Equal((2, 5, 1, 1), (page.ClusterCount, page.ReleaseCount, page.Page, page.PageCount));
        Assert.Equal(
            [
                [("part-one", 1.0), ("long", 96.0 / 196), ("part-two", 1.0)],
                [("same-a", 1.0), ("same-b", 1.0)],
            ],
            page.Clusters.Select(c => c.Members.Select(m => (m.Slug, m.Share)).ToList()));
        Assert.Equal("part-one", page.Clusters[0].First.Slug);
        Assert.Equal(new DateOnly(2020, 3, 1), page.Clusters[0].Members[2].Date);
    }

    [Fact]
    public async Task Groups_ArePaged()
    {
        var second = await catalog.ClustersAsync(2, 1);
        var beyond = await catalog.ClustersAsync(3, 1);

        Assert.Equal((2, 2), (second.PageCount, second.ClusterCount));
        Assert.Equal(["same-a", "same-b"], Assert.Single(second.Clusters).Members.Select(m => m.Slug));
        Assert.Empty(beyond.Clusters);
    }

    [Fact]
    public async Task Groups_FollowTheNextIngest()
    {
        Assert.Equal(2, (await catalog.ClustersAsync(1, 10)).ClusterCount);

        store.Source.Write("alone.md", "Alone", date: "2019-01-01", body: Same);
        await store.IngestAsync();

        // Both groups now hold three; "alone" (2019-01-01) is the earlier first appearance.
        var page = await catalog.ClustersAsync(1, 10);
        Assert.Equal(["alone", "same-a", "same-b"], page.Clusters[0].Members.Select(m => m.Slug));
        Assert.Equal("part-one", page.Clusters[1].First.Slug);
    }

    private async Task<ReleaseReannouncements> LinksOfAsync(string slug)
    {
        var release = await store.Catalog.FindAsync(slug);
        return await catalog.ForReleaseAsync(release!.Id, release.Date, release.Slug);
    }
}

public sealed class ReannouncementCatalogOnSqliteTests() : ReannouncementCatalogTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ReannouncementCatalogOnPostgreSqlTests() : ReannouncementCatalogTests(StoreProvider.PostgreSql);
