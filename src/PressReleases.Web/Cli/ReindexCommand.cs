using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Cli;

/// <summary>
/// <c>reindex</c>: throws the index away and rebuilds it from the store. <c>reindex --from URL</c> copies another
/// node's index instead (with the key in <c>PressReleases:Index:SnapshotKey</c>) and catches it up from the store,
/// falling back to the rebuild when the copy cannot be used.
/// </summary>
internal sealed class ReindexCommand(Uri? from = null) : ICommand
{
    public async Task<int> RunAsync()
    {
        return await CliHost.RunAsync("Cancelled; run reindex again to finish the rebuild.", async (services, ct) =>
        {
            if (from is not null)
            {
                if (services.GetStoreOptions().Provider != StoreProvider.PostgreSql || string.IsNullOrWhiteSpace(services.GetIndexOptions().SnapshotKey))
                {
                    Console.Error.WriteLine("reindex --from needs the PostgreSQL store (PressReleases:Store:Provider) and the other node's key (PressReleases:Index:SnapshotKey).");
                    return 1;
                }

                var installed = false;
                Console.Out.WriteLine($"Copying the search index from {from}...");
                await StoreAndIndex.OpenAsync(services, storeReady: null, withIndex: true, ct, new SnapshotSource(from, EvenOverAUsableIndex: true), copied => installed = copied);
                if (installed)
                {
                    var sync = await services.GetRequiredService<IndexSynchronizer>().SyncAsync(ct);
                    Console.Out.WriteLine(sync.Rebuilt
                        ? $"The copy disagreed with the store; rebuilt from the store: {CliHost.Count(sync.Indexed)} releases in {CliHost.FormatElapsed(sync.Elapsed)}."
                        : $"Copied; caught up {CliHost.Count(sync.Indexed + sync.Deleted)} changes from the store in {CliHost.FormatElapsed(sync.Elapsed)}.");
                    return 0;
                }
            }
            else
            {
                await CliHost.OpenAsync(services, ct);
            }

            Console.Out.WriteLine("Rebuilding the search index from the store...");
            var report = await services.GetRequiredService<IndexSynchronizer>().RebuildAsync(ct);
            Console.Out.WriteLine($"Indexed {CliHost.Count(report.Indexed)} releases in {CliHost.FormatElapsed(report.Elapsed)}.");
            return 0;
        }, open: false);
    }
}
