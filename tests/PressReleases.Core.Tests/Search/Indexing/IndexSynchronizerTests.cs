using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Storage;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>The index is derived from the store: it is caught up or rebuilt from it whatever happened to the index.</summary>
public abstract class IndexSynchronizerTests : SampleSearchTestBase
{
    private static readonly string?[] Probes = [null, "japan", "maori", "trade OR tourism", "minister:john-key", "\"trade talks\""];

    private int Segments()
    {
        using var lease = Store.Index.LeaseSearcher();
        return lease.Reader.Leaves.Count;
    }

    /// <summary>Totals and facet counts of a few searches, to compare before and after.</summary>
    private async Task<List<string>> FingerprintAsync()
    {
        var lines = new List<string>();
        foreach (var query in Probes)
        {
            var result = await SearchAsync(new SearchRequest { Query = query, FacetLimit = 1000, PageSize = 100 });
            lines.Add($"{query}: {result.Total} [{string.Join(",", result.Items.Select(h => h.Slug).Order(StringComparer.Ordinal))}] " +
                      string.Join(",", result.Facets.Ministers.Select(f => $"{f.Slug}={f.Count}")) + " " +
                      string.Join(",", result.Facets.Portfolios.Select(f => $"{f.Slug}={f.Count}")) + " " +
                      string.Join(",", result.Facets.Years.Select(y => $"{y.Year}={y.Count}")));
        }

        return lines;
    }

    [Fact]
    public async Task Sync_WithNothingNew_DoesNothing()
    {
        var report = await Store.Synchronizer.SyncAsync();
        Assert.Equal((false, 0, 0), (report.Rebuilt, report.Indexed, report.Deleted));
    }

    [Fact]
    public async Task Restart_KeepsTheIndex_WithoutARebuild()
    {
        var before = await FingerprintAsync();
        var committed = Store.Index.CommittedChangeSeq;

        var report = await Store.ReopenIndexAsync();

        Assert.False(report.Rebuilt);
        Assert.Equal(committed, Store.Index.CommittedChangeSeq);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task IndexOfAnotherStore_IsRebuilt_EvenWhenItsSequenceAndCountAgree()
    {
        await Store.Synchronizer.SyncAsync();
        string identity;
        await using (var db = Store.NewDb())
        {
            identity = await StoreIdentity.ReadAsync(db, CancellationToken.None);
        }

        Assert.Matches("^[0-9a-f]{32}$", identity);
        Assert.Equal(identity, Store.Index.StoreIdentity);
        var before = await FingerprintAsync();

        // The same releases at the same sequences, but as far as the index can tell another store: a data folder
        // pointed at another database. Neither the sequence nor the count can show it.
        const string Another = "0123456789abcdef0123456789abcdef";
        await using (var db = Store.NewDb())
        {
            await db.StoreIdentities.ExecuteUpdateAsync(set => set.SetProperty(i => i.Value, Another));
        }

        var report = await Store.ReopenIndexAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(SampleReleases.All.Count, report.Indexed);
        Assert.Equal(Another, Store.Index.StoreIdentity);
        Assert.Equal(before, await FingerprintAsync());
        Assert.False((await Store.ReopenIndexAsync()).Rebuilt);
    }

    [Fact]
    public async Task Rebuild_RecordsTheStoreItWasBuiltFrom()
    {
        const string Another = "fedcba9876543210fedcba9876543210";
        await using (var db = Store.NewDb())
        {
            await db.StoreIdentities.ExecuteUpdateAsync(set => set.SetProperty(i => i.Value, Another));
        }

        // What `reindex` does: a rebuild with no start-up sync before it.
        await Store.Synchronizer.RebuildAsync();
        Store.ReopenIndex();

        Assert.Equal(Another, Store.Index.StoreIdentity);
    }

    [Fact]
    public async Task IndexRecordingNoStore_IsKept_AndRecordsItsStoreFromThenOn()
    {
        // An index committed before indexes recorded their store (as every index did until then) is kept, not rebuilt.
        Store.ReopenIndex(ForgetTheStore);
        Assert.Null(Store.Index.StoreIdentity);

        var report = await Store.Synchronizer.SyncAsync();

        Assert.False(report.Rebuilt);
        Assert.NotNull(Store.Index.StoreIdentity);
        Store.ReopenIndex();
        Assert.Equal(await IdentityAsync(), Store.Index.StoreIdentity);
    }

    /// <summary>Commits the index again without the store's identity, as an index written before the record was.</summary>
    private static void ForgetTheStore(string indexPath)
    {
        ReleaseCodec.Register();
        using var directory = FSDirectory.Open(indexPath);
        var data = new Dictionary<string, string>(DirectoryReader.ListCommits(directory)[^1].UserData);
        Assert.True(data.Remove(SearchIndex.StoreKey));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, new ReleaseAnalyzer())
        {
            OpenMode = OpenMode.APPEND,
            Codec = new ReleaseCodec(),
        });
        writer.SetCommitData(data);
        writer.Commit();
    }

    private async Task<string> IdentityAsync()
    {
        await using var db = Store.NewDb();
        return await StoreIdentity.ReadAsync(db, CancellationToken.None);
    }

    [Fact]
    public async Task DeletedIndexFolder_IsRebuiltFromTheStore_WithTheSameResults()
    {
        var before = await FingerprintAsync();

        Store.ReopenIndex(path => System.IO.Directory.Delete(path, recursive: true));
        Assert.True(Store.Index.NeedsRebuild);
        Assert.Equal(0, (await SearchAsync((string?)null)).Total);
        var report = await Store.Synchronizer.SyncAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(SampleReleases.All.Count, report.Indexed);
        Assert.False(Store.Index.NeedsRebuild);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task CorruptIndex_IsRebuiltFromTheStore()
    {
        var before = await FingerprintAsync();

        Store.ReopenIndex(path =>
        {
            foreach (var file in System.IO.Directory.GetFiles(path, "segments_*"))
            {
                File.WriteAllBytes(file, [0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
            }
        });
        Assert.True(Store.Index.NeedsRebuild);
        var report = await Store.Synchronizer.SyncAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task StoreChangesNewerThanTheIndexCommit_AreCaughtUp()
    {
        await using (var db = Store.NewDb())
        {
            var max = await db.Releases.MaxAsync(r => r.ChangeSeq);
            var release = await db.Releases.SingleAsync(r => r.Slug == "china-visit");
            release.Title = "Visit to Mongolia";
            release.ChangeSeq = max + 1;
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await SearchAsync("mongolia")).Total);

        var report = await Store.Synchronizer.SyncAsync();

        Assert.Equal((false, 1, 0), (report.Rebuilt, report.Indexed, report.Deleted));
        Assert.Equal(["china-visit"], await FoundAsync("mongolia"));
        Assert.Equal(["china-visit"], await FoundAsync("title:mongolia"));
        Assert.DoesNotContain("china-visit", await FoundAsync("title:china"));
        await using (var db = Store.NewDb())
        {
            Assert.Equal(await db.Releases.MaxAsync(r => r.ChangeSeq), Store.Index.CommittedChangeSeq);
        }
    }

    [Fact]
    public async Task RemovalsNewerThanTheIndexCommit_AreCaughtUp()
    {
        await using (var db = Store.NewDb())
        {
            var max = await db.Releases.MaxAsync(r => r.ChangeSeq);
            var release = await db.Releases.SingleAsync(r => r.Slug == "japan-trade");
            release.RemovedAt = DateTimeOffset.UtcNow;
            release.ChangeSeq = max + 1;
            await db.SaveChangesAsync();
        }

        var report = await Store.Synchronizer.SyncAsync();

        Assert.Equal((false, 0, 1), (report.Rebuilt, report.Indexed, report.Deleted));
        Assert.DoesNotContain("japan-trade", await FoundAsync(null));

        // Kept in the index, marked: out of every list, there when withdrawn releases are asked for.
        Assert.Equal(SampleReleases.All.Count, Store.Index.DocumentCount);
        Assert.Equal(SampleReleases.All.Count - 1, Store.Index.PublishedCount);
        Assert.Equal(["japan-trade"], await FoundAsync(null, new SearchRequest { Status = ReleaseStatus.Withdrawn }));
    }

    [Fact]
    public async Task AfterARestart_StoreChangesMadeWhileStopped_AreCaughtUp()
    {
        var report = await Store.ReopenIndexAsync(_ =>
        {
            // While the index is closed, the store changes.
            using var db = Store.NewDb();
            var max = db.Releases.Max(r => r.ChangeSeq);
            var release = db.Releases.Single(r => r.Slug == "budget-health");
            release.BodyText += " Kumara prices fell.";
            release.ChangeSeq = max + 1;
            db.SaveChanges();
        });

        Assert.Equal((false, 1), (report.Rebuilt, report.Indexed));
        Assert.Equal(["budget-health"], await FoundAsync("kumara"));
    }

    [Fact]
    public async Task IndexThatDisagreesWithTheStoreCount_IsRebuilt()
    {
        var before = await FingerprintAsync();
        await using (var db = Store.NewDb())
        {
            var id = await db.Releases.Where(r => r.Slug == "japan-trade").Select(r => r.Id).SingleAsync();
            using var session = await Store.Index.BeginWriteAsync();
            session.Delete(id);
            session.Commit(Store.Index.CommittedChangeSeq); // the index now misses a release but claims to be current
        }

        Assert.NotEqual(before, await FingerprintAsync());

        var report = await Store.Synchronizer.SyncAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Rebuild_OnRequest_GivesTheSameResults()
    {
        var before = await FingerprintAsync();

        var report = await Store.Synchronizer.RebuildAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(SampleReleases.All.Count, report.Indexed);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task MergeIfSplitAsync_MergesAnIndexInTwoHalves_AtTheChangeSeqItReflects_AndLeavesAWholeOneAlone()
    {
        var before = await FingerprintAsync();
        var committed = Store.Index.CommittedChangeSeq;

        // Half the releases written again into a segment of their own: two halves of the live documents, as the
        // two indexing threads of a first ingest or a rebuild leave them.
        await using (var db = Store.NewDb())
        {
            var half = await StoredReleases.ReadAsync(db, db.Releases.Where(r => r.Id % 2 == 0), CancellationToken.None);
            Assert.InRange(half.Count * 10, SampleReleases.All.Count * 4, SampleReleases.All.Count * 6);
            await Store.Index.CommitAsync(committed, [.. half]);
        }

        Assert.True(Store.Index.IsSplit);
        Assert.Equal(2, Segments());

        Assert.True(await Store.Synchronizer.MergeIfSplitAsync());

        Assert.False(Store.Index.IsSplit);
        Assert.Equal(1, Segments());
        Assert.Equal(committed, Store.Index.CommittedChangeSeq);
        Assert.Equal(before, await FingerprintAsync());
        Assert.False(await Store.Synchronizer.MergeIfSplitAsync());

        // The merged index is what was committed: a restart finds one segment and nothing to rebuild.
        var report = await Store.ReopenIndexAsync();
        Assert.False(report.Rebuilt);
        Assert.Equal(1, Segments());
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Rebuild_KeepsRemovedReleasesMarkedWithdrawn()
    {
        Store.Source.Delete("japan-trade.md");
        await Store.IngestAsync();
        var before = await FingerprintAsync();
        Assert.Equal(["japan-trade"], await FoundAsync(null, new SearchRequest { Status = ReleaseStatus.Withdrawn }));

        Store.ReopenIndex(path => System.IO.Directory.Delete(path, recursive: true));
        var report = await Store.Synchronizer.SyncAsync();

        Assert.Equal(SampleReleases.All.Count - 1, report.Indexed);
        Assert.Equal(before, await FingerprintAsync());
        Assert.DoesNotContain("japan-trade", await FoundAsync(null));
        Assert.Equal(["japan-trade"], await FoundAsync("japan", new SearchRequest { Status = ReleaseStatus.Withdrawn }));
        Assert.Equal(SampleReleases.All.Count, (await FoundAsync(null, new SearchRequest { Status = ReleaseStatus.All })).Count);
    }

    [Fact]
    public async Task StoreRestoredFromAnOlderBackup_IndexFollowsTheStore()
    {
        var restore = await Store.BackUpStoreAsync();
        var before = await FingerprintAsync();

        // After the backup, a release is edited and ingested: the index now holds the new title.
        Store.Source.Write("china-visit.md", SampleReleases.All["china-visit"] with { Title = "Visit to Mongolia" });
        await Store.IngestAsync();
        Assert.Equal(["china-visit"], await FoundAsync("mongolia"));

        // The operator restores the backup of the store while the site is stopped.
        Store.ReopenIndex(_ => restore().GetAwaiter().GetResult());
        var report = await Store.Synchronizer.SyncAsync();
        Store.Catalog.Invalidate();
        Assert.True(report.Rebuilt, "the store went back in time, so the index is rebuilt from it");

        await using (var db = Store.NewDb())
        {
            Assert.Equal("Visit to China", (await db.Releases.SingleAsync(r => r.Slug == "china-visit")).Title);
        }

        Assert.Empty(await FoundAsync("mongolia"));
        Assert.Equal(before, await FingerprintAsync());
    }
}

public sealed class IndexSynchronizerOnSqliteTests : IndexSynchronizerTests;

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IndexSynchronizerOnPostgreSqlTests : IndexSynchronizerTests
{
    protected override StoreProvider Provider => StoreProvider.PostgreSql;
}
