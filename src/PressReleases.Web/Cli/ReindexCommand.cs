using PressReleases.Core.Search;

namespace PressReleases.Web.Cli;

/// <summary><c>reindex</c>: throws the index away and rebuilds it from the store.</summary>
internal sealed class ReindexCommand : ICommand
{
    public async Task<int> RunAsync()
    {
        using var cancel = CliHost.CancelOnCtrlC();
        var ct = cancel.Token;
        try
        {
            using var host = CliHost.Build();
            await CliHost.OpenAsync(host.Services, ct);
            Console.Out.WriteLine("Rebuilding the search index from the store...");
            var report = await host.Services.GetRequiredService<IndexSynchronizer>().RebuildAsync(ct);
            Console.Out.WriteLine($"Indexed {CliHost.Count(report.Indexed)} releases in {CliHost.FormatElapsed(report.Elapsed)}.");
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; run reindex again to finish the rebuild.");
            return 130;
        }
        catch (Exception ex) when (CliHost.IsExpected(ex))
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
