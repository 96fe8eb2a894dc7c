using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store;

public abstract class ReleaseCatalogTests(StoreProvider provider) : IAsyncLifetime
{
    // slug, date, ministers, portfolios
    private static readonly (string Slug, string Date, string[] Ministers, string[] Portfolios)[] Input =
    [
        ("a", "2010-05-01", ["Hon Bill English"], ["Finance"]),
        ("b", "2012-01-20", ["Bill English", "Hon Tony Ryall"], ["Finance", "Health"]),
        ("c", "2008-11-30", ["Tony Ryall"], ["Health"]),
        ("d", "0001-01-01", ["Hon Tony Ryall"], ["State Owned Enterprises"]),
        ("e", "2014-02-02", ["Annette King"], ["Health"]),
    ];

    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(provider);
        foreach (var (slug, date, ministers, portfolios) in Input)
        {
            store.Source.Write($"{slug}.md", $"Release {slug}", date: date, ministers: ministers, portfolios: portfolios);
        }

        await store.IngestAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ListAsync_OfMinisters_CountsCurrentReleasesAndTheirDateSpan_SortedByName()
    {
        var ministers = await store.Catalog.ListAsync(NameKind.Minister);

        Assert.Equal(["Annette King", "Bill English", "Tony Ryall"], ministers.Select(m => m.Name));
        var ryall = ministers.Single(m => m.Slug == "tony-ryall");
        var ryallInput = Input.Where(i => i.Ministers.Any(m => m.EndsWith("Tony Ryall", StringComparison.Ordinal))).ToList();
        Assert.Equal(ryallInput.Count, ryall.ReleaseCount);
        var ryallDates = ryallInput.Select(i => DateOnly.Parse(i.Date, System.Globalization.CultureInfo.InvariantCulture))
            .Where(d => d != DateOnly.MinValue).ToList();
        Assert.Equal(ryallDates.Min(), ryall.FirstDate);
        Assert.Equal(ryallDates.Max(), ryall.LastDate);
    }

    [Fact]
    public async Task ListAsync_OfPortfolios_CountsCurrentReleases()
    {
        var portfolios = await store.Catalog.ListAsync(NameKind.Portfolio);

        foreach (var portfolio in portfolios)
        {
            Assert.Equal(Input.Count(i => i.Portfolios.Contains(portfolio.Name)), portfolio.ReleaseCount);
        }

        Assert.Equal(Input.SelectMany(i => i.Portfolios).Distinct().Order(), portfolios.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task RemovedReleases_LeaveTheCountsButKeepTheNames()
    {
        store.Source.Delete("e.md");
        await store.IngestAsync();

        Assert.Equal(Input.Length - 1, await store.Catalog.CountAsync());
        Assert.Null(await store.Catalog.FindNameAsync(NameKind.Minister, "annette-king"));
        Assert.Equal(Input.Count(i => i.Portfolios.Contains("Health")) - 1, (await store.Catalog.FindNameAsync(NameKind.Portfolio, "health"))!.ReleaseCount);
        var (ministerNames, _) = await store.Catalog.NamesAsync();
        Assert.Equal("Annette King", ministerNames["annette-king"]);
    }

    [Fact]
    public async Task HeldWith_APortfolio_ListsItsMinisters_WithTheirFirstAndLastRelease_InOrderOfFirst()
    {
        var health = await store.Catalog.HeldWithAsync(NameKind.Portfolio, "health");

        // Health: c (Ryall, 2008), b (English and Ryall, 2012), e (King, 2014).
        Assert.Equal(
            [
                new NameSummary("tony-ryall", "Tony Ryall", 2, new DateOnly(2008, 11, 30), new DateOnly(2012, 1, 20)),
                new NameSummary("bill-english", "Bill English", 1, new DateOnly(2012, 1, 20), new DateOnly(2012, 1, 20)),
                new NameSummary("annette-king", "Annette King", 1, new DateOnly(2014, 2, 2), new DateOnly(2014, 2, 2)),
            ],
            health);
    }

    [Fact]
    public async Task HeldWith_AMinister_ListsTheirPortfolios_UndatedOnesLast()
    {
        var ryall = await store.Catalog.HeldWithAsync(NameKind.Minister, "tony-ryall");

        Assert.Equal(
            [
                new NameSummary("health", "Health", 2, new DateOnly(2008, 11, 30), new DateOnly(2012, 1, 20)),
                new NameSummary("finance", "Finance", 1, new DateOnly(2012, 1, 20), new DateOnly(2012, 1, 20)),
                new NameSummary("state-owned-enterprises", "State Owned Enterprises", 1, null, null),
            ],
            ryall);
    }

    [Fact]
    public async Task HeldWith_LeavesRemovedReleasesOut_AndKnowsNoUnknownName()
    {
        // Asked for before the change too: what was kept for the old lists must not outlive them.
        Assert.Contains(await store.Catalog.HeldWithAsync(NameKind.Portfolio, "health"), n => n.Slug == "annette-king");
        store.Source.Delete("e.md");
        await store.IngestAsync();

        Assert.DoesNotContain(await store.Catalog.HeldWithAsync(NameKind.Portfolio, "health"), n => n.Slug == "annette-king");
        Assert.Empty(await store.Catalog.HeldWithAsync(NameKind.Minister, "annette-king"));
        Assert.Empty(await store.Catalog.HeldWithAsync(NameKind.Minister, "nobody"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("../a")]
    [InlineData("a b")]
    [InlineData("no-such-release")]
    public async Task FindAsync_ReturnsNullForUnknownOrMalformedSlugs(string slug) =>
        Assert.Null(await store.Catalog.FindAsync(slug));

    [Fact]
    public async Task FindAsync_ReturnsTheReleaseWithItsNamesInFileOrder()
    {
        var detail = await store.Catalog.FindAsync("b");

        Assert.NotNull(detail);
        Assert.Equal("Release b", detail.Title);
        Assert.Equal(new DateOnly(2012, 1, 20), detail.Date);
        Assert.Equal(ReleaseFileText.UrlFor("b"), detail.SourceUrl);
        Assert.Equal(["Bill English", "Tony Ryall"], detail.Ministers.Select(m => m.Name));
        Assert.Equal(["Finance", "Health"], detail.Portfolios.Select(p => p.Name));
        Assert.Contains("Release b", detail.BodyHtml);
        Assert.False(detail.IsRemoved);
    }

    [Fact]
    public async Task Lists_AreCachedUntilInvalidated()
    {
        var before = await store.Catalog.CountAsync();
        await using (var db = store.NewDb())
        {
            var release = await db.Releases.SingleAsync(r => r.Slug == "a");
            release.RemovedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await store.Catalog.CountAsync());
        store.Catalog.Invalidate();
        Assert.Equal(before - 1, await store.Catalog.CountAsync());
    }
}

public sealed class ReleaseCatalogOnSqliteTests() : ReleaseCatalogTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ReleaseCatalogOnPostgreSqlTests() : ReleaseCatalogTests(StoreProvider.PostgreSql);
