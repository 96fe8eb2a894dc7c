using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Snapshots;

namespace PressReleases.Web.Setup;

/// <summary>Where the index may be copied from before it opens: another node's base address, and whether to replace a usable index too.</summary>
internal sealed record SnapshotSource(Uri From, bool EvenOverAUsableIndex);

/// <summary>Opening the data directory's two parts, for the site's startup and for the command-line verbs.</summary>
internal static class StoreAndIndex
{
    /// <summary>
    /// Checks the data directory is writable, then opens (and if needed migrates) the store and opens the
    /// index at the same time: the index does not need the store to open, and each opening keeps one core
    /// busy for a noticeable part of the start (docs/performance.md, "Design decisions and their
    /// measurements"). A store failure is the one reported.
    /// The index is resolved here, not injected, so a locked or damaged index is reported like any other
    /// startup failure. With <paramref name="withIndex"/> false (the command-line ingester of a PostgreSQL store,
    /// which writes the store only) no index is opened and null is returned. With a <paramref name="snapshot"/>, the
    /// index may first be copied from another node (<see cref="IndexSnapshotDownload"/>); <paramref name="snapshotInstalled"/>
    /// then says whether it was.
    /// </summary>
    public static async Task<SearchIndex?> OpenAsync(
        IServiceProvider services, Action? storeReady, bool withIndex, CancellationToken cancellationToken,
        SnapshotSource? snapshot = null, Action<bool>? snapshotInstalled = null)
    {
        services.GetRequiredService<DataDirectory>().EnsureWritable();
        var dbFactory = services.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>();
        var storeOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var indexOpening = withIndex
            ? Task.Run(() => OpenIndexAsync(services, snapshot, StorePositionAsync, snapshotInstalled, cancellationToken), cancellationToken)
            : Task.FromResult<SearchIndex>(null!);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await StoreSetup.InitializeAsync(db, cancellationToken);
            storeOpened.TrySetResult();
        }
        catch (Exception ex)
        {
            storeOpened.TrySetException(ex);
            // Observed, not reported: the store's failure says what is wrong.
            await indexOpening.ContinueWith(opening => opening.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        storeReady?.Invoke();
        return withIndex ? await indexOpening : null;

        async Task<StorePosition> StorePositionAsync(CancellationToken ct)
        {
            await storeOpened.Task;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return new StorePosition(
                await StoreIdentity.ReadAsync(db, ct),
                await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, ct) ?? 0);
        }
    }

    /// <summary>The node's start: a snapshot from <c>PressReleases:Index:SnapshotFrom</c> when one is configured.</summary>
    public static SnapshotSource? ConfiguredSnapshot(IServiceProvider services) =>
        services.GetIndexOptions().SnapshotSource() is { } from ? new SnapshotSource(from, EvenOverAUsableIndex: false) : null;

    private static async Task<SearchIndex> OpenIndexAsync(
        IServiceProvider services, SnapshotSource? snapshot, Func<CancellationToken, Task<StorePosition>> storePosition, Action<bool>? snapshotInstalled, CancellationToken cancellationToken)
    {
        if (snapshot is not null)
        {
            var installed = await services.GetRequiredService<IndexSnapshotDownload>()
                .TryInstallAsync(snapshot.From, snapshot.EvenOverAUsableIndex, storePosition, cancellationToken);
            snapshotInstalled?.Invoke(installed);
        }

        return services.GetRequiredService<SearchIndex>();
    }
}
