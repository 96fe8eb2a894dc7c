using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>The plain-SQL read of stored releases' identities gives what the same EF query gives.</summary>
public abstract class KnownReleaseReaderTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ReadAll_MatchesEfOverDatedUndatedAndRemovedReleases()
    {
        store.Source.Write("2020/01/dated.md", "Dated release", date: "2020-01-15");
        store.Source.Write("undated.md", "Undated release", date: "0001-01-01");
        var gone = store.Source.Write("gone.md", "Gone release", date: "1999-12-31");
        File.SetLastWriteTimeUtc(gone, DateTime.UtcNow.AddDays(-1));
        await store.IngestAsync();
        File.Delete(gone);
        await store.IngestAsync();

        await using var db = store.NewDb();
        var expected = await db.Releases.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new KnownRelease(r.Id, r.Slug, r.SourceRoot, r.SourcePath, r.SourceUrl, r.Date, r.ContentHash, new FileFingerprint(r.SourceLength, r.SourceWriteTicks), r.RemovedAt != null))
            .ToListAsync();
        var read = (await KnownReleaseReader.ReadAllAsync(db, CancellationToken.None)).OrderBy(k => k.Id).ToList();

        Assert.Equal(expected, read);
        Assert.Contains(read, k => k.Date is null);
        Assert.Contains(read, k => k.Date == new DateOnly(2020, 1, 15));
        Assert.Contains(read, k => k.IsRemoved && k.Fingerprint.IsKnown);
        Assert.Contains(read, k => !k.IsRemoved);
    }
}

public sealed class KnownReleaseReaderOnSqliteTests() : KnownReleaseReaderTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class KnownReleaseReaderOnPostgreSqlTests() : KnownReleaseReaderTests(StoreProvider.PostgreSql);
