using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Tests.TestSupport;
using PressReleases.TestSupport.Servers;

namespace PressReleases.Core.Tests.Store.PostgreSql;

/// <summary>LISTEN/NOTIFY carries "the store changed" from an ingest to a listening node as each batch commits.</summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ChangeNotificationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnIngestThatChangesReleases_WakesAListener()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var signal = StoreChanges.Listen(store.Location, NullLogger.Instance);

        // Right after it starts listening the listener wakes once: changes made before it listened were not signalled.
        Assert.True(await signal.WaitAsync(Deadline, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));

        store.Source.Write("notified.md", "A release the nodes hear about");
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);

        Assert.True(await signal.WaitAsync(Deadline, CancellationToken.None));
    }

    [Fact]
    public async Task SqliteStore_NeverSignals_SoFollowersPoll()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var signal = StoreChanges.Listen(store.Location, NullLogger.Instance);
        store.Source.Write("polled.md", "A release found by polling");
        await store.IngestAsync();

        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    [Fact]
    public async Task AListenerWhoseServerRestarts_ListensAgain()
    {
        await using var server = await PostgreSqlServer.StartAsync("restart");
        await using var store = await TestStore.CreateAsync(server);
        await using var signal = StoreChanges.Listen(store.Location, NullLogger.Instance);
        Assert.True(await signal.WaitAsync(Deadline, CancellationToken.None));

        await server.StopAsync();
        await server.StartAgainAsync();

        // Listening again, it wakes once more (changes made while it was away were not signalled)...
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None));
        store.Source.Write("after-restart.md", "A release after the restart");
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);

        // ...and hears the next change.
        Assert.True(await signal.WaitAsync(Deadline, CancellationToken.None));
    }
}
