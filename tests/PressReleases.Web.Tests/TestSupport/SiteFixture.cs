namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// One running site per test class: a fresh data directory, a source folder, and a client once the
/// startup ingest has finished. Subclasses choose the source folder and the release count it should give.
/// </summary>
public abstract class SiteFixture : IAsyncLifetime
{
    private readonly TempDirectory temp;

    protected SiteFixture(string purpose)
    {
        temp = new TempDirectory(purpose);
    }

    public PressReleasesFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string SourceFolder { get; private set; } = null!;

    public string DataDirectory => Path.Combine(temp.Path, "data");

    public int ExpectedReleases { get; private set; }

    protected string TempPath => temp.Path;

    /// <summary>Returns the folder the site ingests at startup (write files into a sub-folder of <see cref="TempPath"/>, or name an existing folder).</summary>
    protected abstract string PrepareSourceFolder();

    /// <summary>How many releases the source folder gives once ingested.</summary>
    protected abstract int CountExpectedReleases();

    public virtual async Task InitializeAsync()
    {
        SourceFolder = PrepareSourceFolder();
        ExpectedReleases = CountExpectedReleases();
        Factory = new PressReleasesFactory(SourceFolder, DataDirectory);
        Client = Factory.CreateTestClient();
        await Factory.WaitForReleasesAsync(Client, ExpectedReleases);
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        temp.Dispose();
    }
}

/// <summary>The site over the repository's seeds/ folder (read in place; ingesting never writes to it).</summary>
public sealed class SeedsFixture() : SiteFixture("seeds")
{
    protected override string PrepareSourceFolder() => RepoPaths.Seeds;

    protected override int CountExpectedReleases() => SeedCorpus.ExpectedReleases;
}

/// <summary>The site over release files written by the fixture itself.</summary>
public abstract class WrittenFilesFixture(string purpose) : SiteFixture(purpose)
{
    protected abstract IReadOnlyList<ReleaseSpec> Releases { get; }

    protected override string PrepareSourceFolder()
    {
        var folder = Path.Combine(TempPath, "source");
        Directory.CreateDirectory(folder);
        ReleaseFileWriter.WriteAll(folder, Releases);
        return folder;
    }

    protected override int CountExpectedReleases() => Releases.Count;
}
