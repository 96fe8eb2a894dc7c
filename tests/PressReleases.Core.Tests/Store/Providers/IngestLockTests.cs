using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store.Providers;

/// <summary>One ingest writes a store at a time: a second waits for the first, and says whom it waits for.</summary>
public abstract class IngestLockTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<IAsyncDisposable> LockAsync(Action<string>? waiting = null)
    {
        await using var db = store.NewDb();
        return await IngestLock.AcquireAsync(db, waiting ?? (_ => { }), CancellationToken.None);
    }

    [Fact]
    public async Task SecondHolder_WaitsForTheFirst_AndSaysWhy()
    {
        var first = await LockAsync();
        var said = new List<string>();

        var second = LockAsync(said.Add);
        await Task.Delay(500);

        Assert.False(second.IsCompleted);
        var reason = Assert.Single(said);
        Assert.Contains(provider == StoreProvider.PostgreSql ? "another ingest is writing the PostgreSQL database" : "another process is ingesting into the store", reason);

        await first.DisposeAsync();
        Assert.Same(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(30))));
        await (await second).DisposeAsync();
    }

    [Fact]
    public async Task Ingest_WaitsWhileAnotherIngestHoldsTheStore_ThenRuns()
    {
        store.Source.Write("waiting.md", "A release that waits its turn");
        var other = await LockAsync();

        var ingest = store.IngestAsync();
        await Task.Delay(500);
        Assert.False(ingest.IsCompleted);

        await other.DisposeAsync();
        Assert.Same(ingest, await Task.WhenAny(ingest, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(1, (await ingest).Added);
    }

    [Fact]
    public async Task WaitingForTheLock_CanBeCancelled()
    {
        await using var first = await LockAsync();
        await using var db = store.NewDb();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IngestLock.AcquireAsync(db, _ => { }, cancel.Token));
    }
}

public sealed class IngestLockOnSqliteTests() : IngestLockTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IngestLockOnPostgreSqlTests() : IngestLockTests(StoreProvider.PostgreSql)
{
    [Fact]
    public async Task LockOfASessionThatDies_IsReleased()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var db = store.NewDb();
        var held = await IngestLock.AcquireAsync(db, _ => { }, CancellationToken.None);

        // What the server sees when the ingester's process or machine dies: its session ends.
        await using (var admin = new Npgsql.NpgsqlConnection(store.Location.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        await using var again = store.NewDb();
        var next = IngestLock.AcquireAsync(again, _ => { }, CancellationToken.None);
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(30))));
        await (await next).DisposeAsync();
        await held.DisposeAsync();
    }
}
