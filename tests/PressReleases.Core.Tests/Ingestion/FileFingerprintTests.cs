using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>
/// A re-ingest takes files not written since they were last read (same length, same write time) as unchanged
/// without reading them; files written too recently to vouch for, and rows stored before fingerprints were
/// recorded, are read and hashed as before.
/// </summary>
public abstract class FileFingerprintTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);

    private TestStore store = null!;

    private SourceFolder Source => store.Source;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task FileNotWrittenSinceItWasRead_IsNotReadAgain_UntilItsWriteTimeMoves()
    {
        var alpha = WriteSettled("alpha.md", "Alpha release");
        WriteSettled("beta.md", "Beta release");
        Assert.Equal(2, (await store.IngestAsync()).Added);

        var row = await RowAsync("alpha");
        Assert.Equal((new FileInfo(alpha).Length, File.GetLastWriteTimeUtc(alpha).Ticks), (row.SourceLength, row.SourceWriteTicks));

        // Different bytes, same length, and the write time put back: only reading the file could tell.
        Source.Write("alpha.md", "Alpha relense");
        File.SetLastWriteTimeUtc(alpha, AnHourAgo);
        Assert.Equal(new FileInfo(alpha).Length, row.SourceLength);
        var skipped = await store.IngestAsync();
        Assert.Equal((2, 0), (skipped.Unchanged, skipped.Updated));
        Assert.Equal("Alpha release", (await RowAsync("alpha")).Title);

        // Any write moves the time: the file is read, and the edit lands.
        File.SetLastWriteTimeUtc(alpha, AnHourAgo.AddMinutes(1));
        var read = await store.IngestAsync();
        Assert.Equal((1, 1), (read.Unchanged, read.Updated));
        Assert.Equal("Alpha relense", (await RowAsync("alpha")).Title);
        Assert.Equal(AnHourAgo.AddMinutes(1).Ticks, (await RowAsync("alpha")).SourceWriteTicks);
    }

    [Fact]
    public async Task FileWrittenMomentsAgo_IsReadAtEveryIngest_SoASecondWriteInTheSameTimeStepIsNotMissed()
    {
        // Written within the settle time of the ingest's clock however slowly this machine runs the test: the
        // write time is a minute ahead of the real clock, so no ingest below sees it as settled.
        var alpha = Source.Write("alpha.md", "Alpha release");
        File.SetLastWriteTimeUtc(alpha, DateTime.UtcNow.AddMinutes(1));
        await store.IngestAsync();
        Assert.Equal(0, (await RowAsync("alpha")).SourceWriteTicks);

        // A rewrite at the same length within the file system's time step leaves length and time as they were.
        var firstWrite = File.GetLastWriteTimeUtc(alpha);
        Source.Write("alpha.md", "Alpha relense");
        File.SetLastWriteTimeUtc(alpha, firstWrite);

        var report = await store.IngestAsync();
        Assert.Equal(1, report.Updated);
        Assert.Equal("Alpha relense", (await RowAsync("alpha")).Title);
    }

    [Fact]
    public async Task ReleasesStoredWithoutFingerprints_AreReadOnce_ThenRecorded()
    {
        var alpha = WriteSettled("alpha.md", "Alpha release");
        WriteSettled("beta.md", "Beta release");
        await store.IngestAsync();

        // As rows migrated from a store that did not record fingerprints.
        await using (var db = store.NewDb())
        {
            await db.Releases.ExecuteUpdateAsync(set => set.SetProperty(r => r.SourceLength, 0L).SetProperty(r => r.SourceWriteTicks, 0L));
        }

        var first = await store.IngestAsync();
        Assert.Equal((2, 0, 0), (first.Unchanged, first.Updated, first.Added));
        var row = await RowAsync("alpha");
        Assert.Equal((new FileInfo(alpha).Length, AnHourAgo.Ticks), (row.SourceLength, row.SourceWriteTicks));

        // Recorded, so the next ingest skips reading: a same-length edit with the time put back goes unseen.
        Source.Write("alpha.md", "Alpha relense");
        File.SetLastWriteTimeUtc(alpha, AnHourAgo);
        Assert.Equal(2, (await store.IngestAsync()).Unchanged);
        Assert.Equal("Alpha release", (await RowAsync("alpha")).Title);
    }

    /// <summary>Writes a release file dated an hour ago, old enough for its fingerprint to be trusted.</summary>
    private string WriteSettled(string relativePath, string title)
    {
        var path = Source.Write(relativePath, title);
        File.SetLastWriteTimeUtc(path, AnHourAgo);
        return path;
    }

    private async Task<Release> RowAsync(string slug)
    {
        await using var db = store.NewDb();
        return await db.Releases.AsNoTracking().SingleAsync(r => r.Slug == slug);
    }
}

public sealed class FileFingerprintOnSqliteTests() : FileFingerprintTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class FileFingerprintOnPostgreSqlTests() : FileFingerprintTests(StoreProvider.PostgreSql);
