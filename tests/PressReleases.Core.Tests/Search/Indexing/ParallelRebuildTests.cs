using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// The rebuild reads the store a chunk at a time while every core indexes the chunks before it: whatever order the
/// consumers take the chunks in, the index ends with exactly one document per stored release, withdrawn ones marked.
/// </summary>
public abstract class ParallelRebuildTests : IAsyncLifetime
{
    // Several of the rebuild's chunks (1,000 releases) and more than the feeder lets wait, so every consumer gets some.
    private const int Generated = 4321;
    private const int Withdrawn = 97;

    private TestStore store = null!;

    protected virtual StoreProvider Provider => StoreProvider.Sqlite;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(Provider);
        for (var i = 0; i < Generated; i++)
        {
            store.Source.Write(FileName(i), $"Generated release {i}", date: $"20{10 + (i % 12)}-0{1 + (i % 9)}-1{i % 10}",
                ministers: [$"Hon Minister {i % 7}"], portfolios: [$"Portfolio {i % 5}"], body: $"Body {i} about roads in region {i % 16}.");
        }

        Assert.Equal(Generated, (await store.IngestAsync()).Added);
        for (var i = 0; i < Withdrawn; i++)
        {
            store.Source.Delete(FileName(i * 41));
        }

        await store.IngestAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task Rebuild_OfAnExistingIndex_HoldsEachStoredReleaseOnce()
    {
        var report = await store.Synchronizer.RebuildAsync();

        Assert.Equal((Generated - Withdrawn, 0), (report.Indexed, report.Deleted));
        await AssertIndexMatchesStoreAsync();
    }

    [Fact]
    public async Task Rebuild_IntoADeletedIndexFolder_HoldsEachStoredReleaseOnce()
    {
        store.ReopenIndex(path => Directory.Delete(path, recursive: true));
        Assert.Equal(0, store.Index.DocumentCount);

        var report = await store.Synchronizer.SyncAsync();

        Assert.True(report.Rebuilt);
        await AssertIndexMatchesStoreAsync();
    }

    [Fact]
    public async Task Rebuild_CommittingWhileItsLastChunksGoIn_HoldsEachStoredReleaseOnce()
    {
        // The real threshold (32 MB in the writer) is out of reach of these short releases: at one byte, the interim
        // commit starts as soon as the last two chunks are handed over, while the consumers still add.
        var synchronizer = new IndexSynchronizer(store.DbFactory, store.Index, NullLogger<IndexSynchronizer>.Instance) { InterimCommitMinBytes = 1 };

        var report = await synchronizer.RebuildAsync();

        Assert.Equal((Generated - Withdrawn, 0), (report.Indexed, report.Deleted));
        await AssertIndexMatchesStoreAsync();
        store.ReopenIndex();
        await using var db = store.NewDb();
        Assert.Equal(await db.Releases.MaxAsync(r => r.ChangeSeq), store.Index.CommittedChangeSeq);
        await AssertIndexMatchesStoreAsync();
    }

    [Fact]
    public async Task CatchUp_OfManyChanges_HoldsEachStoredReleaseOnce()
    {
        // Fewer than half the store changed, so the start replays the changes on every core instead of rebuilding.
        var indexSeq = store.Index.CommittedChangeSeq;
        store.ReopenIndex(_ =>
        {
            using var db = store.NewDb();
            var seq = indexSeq;
            foreach (var release in db.Releases.Where(r => r.Id % 3 == 0).OrderBy(r => r.Id))
            {
                release.Title += " revised";
                release.ChangeSeq = ++seq;
            }

            db.SaveChanges();
        });

        var report = await store.Synchronizer.SyncAsync();

        Assert.False(report.Rebuilt);
        Assert.True(report.Indexed + report.Deleted > 1000, $"{report.Indexed + report.Deleted} changes replayed");
        await AssertIndexMatchesStoreAsync();
        Assert.Equal(report.Indexed, (await store.SearchAsync("revised")).Total);
    }

    private static string FileName(int i) => $"20{10 + (i % 12)}/generated-{i:00000}.md";

    private async Task AssertIndexMatchesStoreAsync()
    {
        await using var db = store.NewDb();
        var storedIds = await db.Releases.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var withdrawnIds = await db.Releases.Where(r => r.RemovedAt != null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var titles = await db.Releases.ToDictionaryAsync(r => r.Id, r => r.Title);
        Assert.Equal(Generated, storedIds.Count);
        Assert.Equal(Withdrawn, withdrawnIds.Count);

        var (indexedIds, indexedWithdrawn, indexedTitles) = ReadIndex();
        Assert.Equal(storedIds, indexedIds.Order());
        Assert.Equal(withdrawnIds, indexedWithdrawn.Order());
        Assert.All(indexedTitles, pair => Assert.Equal(titles[pair.Key], pair.Value));
    }

    /// <summary>Every live document's release id (duplicates kept), the withdrawn ones, and each document's stored title.</summary>
    private (List<int> Ids, List<int> Withdrawn, Dictionary<int, string> Titles) ReadIndex()
    {
        var (ids, withdrawn, titles) = (new List<int>(), new List<int>(), new Dictionary<int, string>());
        using var lease = store.Index.LeaseSearcher();
        foreach (var leaf in lease.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var document = reader.Document(doc);
                var id = int.Parse(document.Get(IndexFields.Id), System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(id);
                titles[id] = document.Get(IndexFields.Title);
                if (document.Get(IndexFields.Status) == IndexFields.WithdrawnValue)
                {
                    withdrawn.Add(id);
                }
            }
        }

        return (ids, withdrawn, titles);
    }
}

public sealed class ParallelRebuildOnSqliteTests : ParallelRebuildTests;

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class ParallelRebuildOnPostgreSqlTests : ParallelRebuildTests
{
    protected override StoreProvider Provider => StoreProvider.PostgreSql;
}
