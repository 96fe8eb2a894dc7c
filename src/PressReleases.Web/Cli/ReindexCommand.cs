using PressReleases.Core.Search.Indexing;

namespace PressReleases.Web.Cli;

/// <summary><c>reindex</c>: throws the index away and rebuilds it from the store.</summary>
internal sealed class ReindexCommand : ICommand
{
    public async Task<int> RunAsync()
    {
        return await CliHost.RunAsync("Cancelled; run reindex again to finish the rebuild.", async (services, ct) =>
        {
            Console.Out.WriteLine("Rebuilding the search index from the store...");
            var report = await services.GetRequiredService<IndexSynchronizer>().RebuildAsync(ct);
            Console.Out.WriteLine($"Indexed {CliHost.Count(report.Indexed)} releases in {CliHost.FormatElapsed(report.Elapsed)}.");
            return 0;
        });
    }
}
