using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Tests.Store;

public class StoreSetupTests
{
    private static async Task<DataDirectory> InitializedAsync(TempDirectory temp)
    {
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        await using var db = new TestDbContextFactory(data).CreateDbContext();
        await StoreSetup.InitializeAsync(db);
        return data;
    }

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
    public async Task Initialize_MigratesAStoreWhoseFirstMigrationWasKilled_DespiteEfsLeftoverLockRow()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        // What a process killed during its first migration leaves: EF's lock table holding its row, nothing else.
        await using (var connection = new SqliteConnection(data.SqliteConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-28 08:58:38.1168461+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using (var db = new TestDbContextFactory(data).CreateDbContext())
        {
            // EF alone waits for the row forever; bounded here so a regression fails instead of hanging.
            var initializing = StoreSetup.InitializeAsync(db);
            Assert.Same(initializing, await Task.WhenAny(initializing, Task.Delay(TimeSpan.FromSeconds(60))));
            await initializing;
        }

        await using var check = new TestDbContextFactory(data).CreateDbContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await check.Releases.CountAsync());
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
    }

    [Fact]
    public async Task Initialize_WaitsWhileAnotherProcessHoldsTheMigrationLock()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        Task initializing;
        await using var db = new TestDbContextFactory(data).CreateDbContext();
        // The lock file another process would hold while migrating this store.
        using (new FileStream(data.DatabasePath + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            initializing = StoreSetup.InitializeAsync(db);
            await Task.Delay(500);
            Assert.False(initializing.IsCompleted);
        }

        Assert.Same(initializing, await Task.WhenAny(initializing, Task.Delay(TimeSpan.FromSeconds(60))));
        await initializing;
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Initialize_CreatesTheDatabaseFileAndAppliesEveryMigration()
    {
        using var temp = new TempDirectory();
        var data = await InitializedAsync(temp);

        Assert.True(File.Exists(data.DatabasePath));
        await using var db = new TestDbContextFactory(data).CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(0, await db.Releases.CountAsync());
    }

    [Fact]
    public async Task Initialize_SwitchesTheFileToWriteAheadLogging()
    {
        using var temp = new TempDirectory();
        var data = await InitializedAsync(temp);

        await using var connection = new SqliteConnection(data.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Initialize_TwiceKeepsTheData()
    {
        using var temp = new TempDirectory();
        var data = await InitializedAsync(temp);
        var factory = new TestDbContextFactory(data);
        await using (var db = factory.CreateDbContext())
        {
            db.Releases.Add(NewRelease("kept"));
            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(["kept"], await db.Releases.Select(r => r.Slug).ToListAsync());
        }
    }

    [Fact]
    public async Task Initialize_OfAFileThatIsNotADatabase_FailsWithAMessageNamingIt_AndLeavesItAlone()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        var garbage = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a sqlite database. ", 200)));
        File.WriteAllBytes(data.DatabasePath, garbage);

        await using (var db = new TestDbContextFactory(data).CreateDbContext())
        {
            var error = await Assert.ThrowsAsync<StoreException>(() => StoreSetup.InitializeAsync(db));
            Assert.Contains(data.DatabasePath, error.Message);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(garbage, File.ReadAllBytes(data.DatabasePath));
    }

    [Fact]
    public async Task Release_RoundTripsItsListsAndDates()
    {
        using var temp = new TempDirectory();
        var factory = new TestDbContextFactory(await InitializedAsync(temp));
        var release = NewRelease("round-trip");
        release.Date = new DateOnly(2020, 3, 15);
        release.Attachments = ["https://a.example/1.pdf", "https://a.example/2.pdf"];
        release.DiscardedMinisterEntries = ["clicking here"];
        release.FirstIngestedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using (var db = factory.CreateDbContext())
        {
            db.Releases.Add(release);
            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateDbContext())
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
        using var temp = new TempDirectory();
        var factory = new TestDbContextFactory(await InitializedAsync(temp));
        await using (var db = factory.CreateDbContext())
        {
            db.Releases.Add(NewRelease("same"));
            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateDbContext())
        {
            db.Releases.Add(NewRelease("same"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced_AndLinksGoWithTheirRelease()
    {
        using var temp = new TempDirectory();
        var factory = new TestDbContextFactory(await InitializedAsync(temp));
        int releaseId;
        await using (var db = factory.CreateDbContext())
        {
            var release = NewRelease("linked");
            release.Ministers.Add(new ReleaseMinister { Minister = new Minister { Slug = "john-key", Name = "John Key" }, Spelling = "John Key" });
            db.Releases.Add(release);
            await db.SaveChangesAsync();
            releaseId = release.Id;
        }

        await using (var db = factory.CreateDbContext())
        {
            db.ReleaseMinisters.Add(new ReleaseMinister { ReleaseId = releaseId, MinisterId = 999, Spelling = "Nobody" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = factory.CreateDbContext())
        {
            db.Releases.Remove(await db.Releases.SingleAsync());
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.ReleaseMinisters.CountAsync());
            Assert.Equal(1, await db.Ministers.CountAsync());
        }
    }

    [Fact]
    public void DataDirectory_PlacesTheStoreAndIndexInsideItsRoot()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "a", "..", "data"));
        Assert.Equal(Path.Combine(temp.Path, "data"), data.Root);
        Assert.Equal(Path.Combine(data.Root, "pressreleases.db"), data.DatabasePath);
        Assert.Equal(Path.Combine(data.Root, "index"), data.IndexPath);
        Assert.Contains(data.DatabasePath, data.SqliteConnectionString);
    }

    [Fact]
    public void DataDirectory_EnsureWritable_CreatesTheFolderAndLeavesNoProbe()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "nested", "data"));

        data.EnsureWritable();

        Assert.True(Directory.Exists(data.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Root));
    }

    [Fact]
    public void DataDirectory_EnsureWritable_FailsClearlyWhereNoFolderCanBe()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "x");
        var data = new DataDirectory(Path.Combine(file, "data"));

        var error = Assert.Throws<DataDirectoryException>(data.EnsureWritable);
        Assert.Contains(data.Root, error.Message);
    }

    [Fact]
    public async Task DataDirectory_WithASemicolonInItsPath_StillOpens()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "press;releases"));
        data.EnsureWritable();

        await using (var db = new TestDbContextFactory(data).CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        Assert.True(File.Exists(data.DatabasePath));
    }
}
