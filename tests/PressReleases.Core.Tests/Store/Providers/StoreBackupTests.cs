using Microsoft.Data.Sqlite;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Core.Tests.Store.Providers;

/// <summary>What a backup refuses: a PostgreSQL store (its own tools back it up), and a failure leaves no file behind.</summary>
public sealed class StoreBackupTests : IDisposable
{
    private readonly TempDirectory temp = new("store-backup");

    [Fact]
    public async Task APostgreSqlStore_IsLeftToPgDump()
    {
        var store = StoreLocation.PostgreSql("Host=db.example.org;Database=pressreleases;Username=pr;Password=secret");
        var target = Path.Combine(temp.Path, "pg.db");

        var ex = await Assert.ThrowsAsync<StoreException>(() => StoreBackup.WriteAsync(store, target, CancellationToken.None));

        Assert.Contains("pg_dump", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task AFileThatIsNotAStore_FailsNamingIt_AndLeavesNoBackup()
    {
        var data = new DataDirectory(temp.Sub("data"));
        await File.WriteAllTextAsync(data.DatabasePath, "this is not a SQLite database, only text long enough to be read as a header");
        var target = Path.Combine(temp.Path, "copy.db");

        var ex = await Assert.ThrowsAsync<StoreException>(() => StoreBackup.WriteAsync(StoreLocation.Sqlite(data), target, CancellationToken.None));

        Assert.Contains(data.DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task ASqliteStore_IsCopiedWhole_WhileAnotherConnectionWrites()
    {
        var data = new DataDirectory(temp.Sub("data"));
        await using (var setup = new SqliteConnection($"Data Source={data.DatabasePath}"))
        {
            await setup.OpenAsync();
            await Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
        }

        // A writer with uncommitted work and a committed WAL the main file has not taken in yet.
        await using var writer = new SqliteConnection($"Data Source={data.DatabasePath};Pooling=False");
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA wal_autocheckpoint=0; INSERT INTO t VALUES (4); BEGIN; INSERT INTO t VALUES (5);");
        var target = Path.Combine(temp.Path, "copy.db");

        await StoreBackup.WriteAsync(StoreLocation.Sqlite(data), target, CancellationToken.None);

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT group_concat(n) FROM (SELECT n FROM t ORDER BY n)";
        Assert.Equal("1,2,3,4", await count.ExecuteScalarAsync());
        await Execute(writer, "ROLLBACK;");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
