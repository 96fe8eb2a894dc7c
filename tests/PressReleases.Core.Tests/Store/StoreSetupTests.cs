using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store;

/// <summary>The schema and its constraints, the same on every provider.</summary>
public abstract class StoreSetupTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static Release NewRelease(string slug) => new()
    {
        Slug = slug,
        Title = $"Title {slug}",
        SourceUrl = $"https://www.beehive.govt.nz/release/{slug}",
        SourceRoot = "/src",
        SourcePath = $"{slug}.md",
        ContentHash = new string('0', 64),
        BodyHtml = "<p>x</p>",
        BodyText = "x",
    };

    [Fact]
    public async Task Initialize_AppliesEveryMigration()
    {
        await using var db = store.NewDb();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Releases.CountAsync());
    }

    [Fact]
    public async Task Initialize_TwiceKeepsTheData()
    {
        await using (var db = store.NewDb())
        {
            db.Releases.Add(NewRelease("kept"));
            await db.SaveChangesAsync();
        }

        await using (var db = store.NewDb())
        {
            await StoreSetup.InitializeAsync(db);
        }

        await using (var db = store.NewDb())
        {
            Assert.Equal(["kept"], await db.Releases.Select(r => r.Slug).ToListAsync());
        }
    }

    [Fact]
    public async Task Release_RoundTripsItsListsAndDates()
    {
        var release = NewRelease("round-trip");
        release.Date = new DateOnly(2020, 3, 15);
        release.Attachments = ["https://a.example/1.pdf", "https://a.example/2.pdf"];
        release.DiscardedMinisterEntries = ["clicking here"];
        release.FirstIngestedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using (var db = store.NewDb())
        {
            db.Releases.Add(release);
            await db.SaveChangesAsync();
        }

        await using (var db = store.NewDb())
        {
            var read = await db.Releases.SingleAsync();
            Assert.Equal(release.Date, read.Date);
            Assert.Equal(release.Attachments, read.Attachments);
            Assert.Equal(release.DiscardedMinisterEntries, read.DiscardedMinisterEntries);
            Assert.Equal(release.FirstIngestedAt, read.FirstIngestedAt);
            Assert.Null(read.RemovedAt);
        }
    }

    [Fact]
    public async Task Slugs_AreUnique()
    {
        await using (var db = store.NewDb())
        {
            db.Releases.Add(NewRelease("same"));
            await db.SaveChangesAsync();
        }

        await using (var db = store.NewDb())
        {
            db.Releases.Add(NewRelease("same"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced_AndLinksGoWithTheirRelease()
    {
        int releaseId;
        await using (var db = store.NewDb())
        {
            var release = NewRelease("linked");
            release.Ministers.Add(new ReleaseMinister { Minister = new Minister { Slug = "john-key", Name = "John Key" }, Spelling = "John Key" });
            db.Releases.Add(release);
            await db.SaveChangesAsync();
            releaseId = release.Id;
        }

        await using (var db = store.NewDb())
        {
            db.ReleaseMinisters.Add(new ReleaseMinister { ReleaseId = releaseId, MinisterId = 999, Spelling = "Nobody" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = store.NewDb())
        {
            db.Releases.Remove(await db.Releases.SingleAsync());
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.ReleaseMinisters.CountAsync());
            Assert.Equal(1, await db.Ministers.CountAsync());
        }
    }

    [Fact]
    public async Task Text_KeepsEveryCharacterTheCorpusUses()
    {
        // Macrons, typographic quotes and dashes, and characters outside the basic plane, exactly as written.
        var release = NewRelease("characters");
        release.Title = "Māori “quoted” – dash, ellipsis… 𝒳 and a tab\there";
        await using (var db = store.NewDb())
        {
            db.Releases.Add(release);
            await db.SaveChangesAsync();
        }

        await using (var db = store.NewDb())
        {
            Assert.Equal(release.Title, await db.Releases.Select(r => r.Title).SingleAsync());
        }
    }
}

public sealed class StoreSetupOnSqliteTests() : StoreSetupTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class StoreSetupOnPostgreSqlTests() : StoreSetupTests(StoreProvider.PostgreSql);
