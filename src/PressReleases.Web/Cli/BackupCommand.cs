using PressReleases.Core.Store.Providers;

namespace PressReleases.Web.Cli;

/// <summary><c>backup &lt;file&gt;</c>: an online copy of the SQLite store (<see cref="StoreBackup"/>), safe while the site runs.</summary>
internal sealed class BackupCommand(string destination) : ICommand
{
    public async Task<int> RunAsync()
    {
        // The store is only read: it is neither migrated nor is the index opened (the running site holds its lock).
        return await CliHost.RunAsync("Cancelled; no backup was written.", async (services, ct) =>
        {
            var store = services.GetRequiredService<StoreLocation>();
            var started = TimeProvider.System.GetTimestamp();
            await StoreBackup.WriteAsync(store, destination, ct);
            var size = new FileInfo(Path.GetFullPath(destination)).Length;
            Console.Out.WriteLine($"Backed up {store.Description} to '{Path.GetFullPath(destination)}' ({size / (1024.0 * 1024.0):0.0} MB) in {CliHost.FormatElapsed(TimeProvider.System.GetElapsedTime(started))}.");
            return 0;
        }, open: false);
    }
}
