using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// A data directory holding the seeds (real corpus files), ingested once by the command line; each test
/// damages its own copy of it.
/// </summary>
public sealed class SeedsDataDirectory : IAsyncLifetime
{
    private readonly TempDirectory temp = new("seeds-template");

    public string Path => System.IO.Path.Combine(temp.Path, "data");

    public int Releases => SeedCorpus.ExpectedReleases;

    public async Task InitializeAsync()
    {
        var result = await CliRunner.RunAsync(Path, temp.Path, "ingest", RepoPaths.Seeds);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>A copy of the data directory (store and index) in <paramref name="destination"/>.</summary>
    public string CopyTo(string destination) => Folders.Copy(Path, destination);

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }
}
