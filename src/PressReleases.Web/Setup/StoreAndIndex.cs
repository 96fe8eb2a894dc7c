using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Web.Setup;

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
    /// which writes the store only) no index is opened and null is returned.
    /// </summary>
    public static async Task<SearchIndex?> OpenAsync(IServiceProvider services, Action? storeReady, bool withIndex, CancellationToken cancellationToken)
    {
        services.GetRequiredService<DataDirectory>().EnsureWritable();
        var indexOpening = withIndex ? Task.Run(() => services.GetRequiredService<SearchIndex>(), cancellationToken) : Task.FromResult<SearchIndex>(null!);
        try
        {
            var dbFactory = services.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await StoreSetup.InitializeAsync(db, cancellationToken);
        }
        catch
        {
            // Observed, not reported: the store's failure says what is wrong.
            await indexOpening.ContinueWith(opening => opening.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        storeReady?.Invoke();
        return withIndex ? await indexOpening : null;
    }
}
