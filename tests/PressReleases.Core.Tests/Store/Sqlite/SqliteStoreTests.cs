using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Tests.Store.Sqlite;

/// <summary>What only the SQLite store has: a file in the data directory, write-ahead logging, the migration lock file.</summary>
public sealed class SqliteStoreTests
{
    private static async Task<DataDirectory> InitializedAsync(TempDirectory temp)
    {
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        await using var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext();
        await StoreSetup.InitializeAsync(db);
        return data;
    }

    /// <summary>A data directory whose store file holds only what <paramref name="sql"/> wrote, as an earlier process left it.</summary>
    private static async Task<DataDirectory> LeftWithAsync(TempDirectory temp, string sql)
    {
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        await using var connection = new SqliteConnection(StoreLocation.Sqlite(data).ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return data;
    }

    [Fact]
    public async Task Initialize_MigratesAStoreWhoseFirstMigrationWasKilled_DespiteEfsLeftoverLockRow()
    {
        using var temp = new TempDirectory();
        // What a process killed during its first migration leaves: EF's lock table holding its row, nothing else.
        var data = await LeftWithAsync(temp, """
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-28 08:58:38.1168461+00:00');
            """);

        await using (var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext())
        {
            // EF alone waits for the row forever; bounded here so a regression fails instead of hanging.
            var initializing = StoreSetup.InitializeAsync(db);
            Assert.Same(initializing, await Task.WhenAny(initializing, Task.Delay(TimeSpan.FromSeconds(60))));
            await initializing;
        }

        await using var check = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext();
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
        await using var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext();
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
    public async Task Initialize_GivesANewStoreLargePages()
    {
        using var temp = new TempDirectory();
        var data = await InitializedAsync(temp);

        Assert.Equal(SqliteStore.PageSize, await PageSizeAsync(data));
    }

    [Fact]
    public async Task Initialize_KeepsAnExistingFilesPageSize_AndMigratesIt()
    {
        using var temp = new TempDirectory();
        // A store made before the page size changed: something written with SQLite's default 4 KB pages.
        var data = await LeftWithAsync(temp, "PRAGMA page_size=4096; CREATE TABLE \"Earlier\" (\"Id\" INTEGER PRIMARY KEY); INSERT INTO \"Earlier\" VALUES (7);");

        await using (var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        Assert.Equal(4096, await PageSizeAsync(data));
        await using var check = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(7, await check.Database.SqlQueryRaw<int>("SELECT \"Id\" AS \"Value\" FROM \"Earlier\"").SingleAsync());
    }

    private static async Task<long> PageSizeAsync(DataDirectory data)
    {
        await using var connection = new SqliteConnection(StoreLocation.Sqlite(data).ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Initialize_CreatesTheDatabaseFile_AndAppliesEveryMigration()
    {
        using var temp = new TempDirectory();
        var data = await InitializedAsync(temp);

        Assert.True(File.Exists(data.DatabasePath));
        await using var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext();
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

        await using var connection = new SqliteConnection(StoreLocation.Sqlite(data).ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Initialize_OfAFileThatIsNotADatabase_FailsWithAMessageNamingIt_AndLeavesItAlone()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "data"));
        data.EnsureWritable();
        var garbage = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a sqlite database. ", 200)));
        File.WriteAllBytes(data.DatabasePath, garbage);

        await using (var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext())
        {
            var error = await Assert.ThrowsAsync<StoreException>(() => StoreSetup.InitializeAsync(db));
            Assert.Contains(data.DatabasePath, error.Message);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(garbage, File.ReadAllBytes(data.DatabasePath));
    }

    [Fact]
    public async Task DataDirectory_WithASemicolonInItsPath_StillOpens()
    {
        using var temp = new TempDirectory();
        var data = new DataDirectory(Path.Combine(temp.Path, "press;releases"));
        data.EnsureWritable();

        await using (var db = new StoreContextFactory(StoreLocation.Sqlite(data)).CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        Assert.True(File.Exists(data.DatabasePath));
    }
}
