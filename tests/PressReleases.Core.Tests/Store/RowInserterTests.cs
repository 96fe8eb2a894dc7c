using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store;

public abstract class RowInserterTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task EachInsertedRow_GetsTheKeyTheStoreGaveIt()
    {
        var inserted = Enumerable.Range(0, 25).Select(i => new Minister { Slug = $"minister-{i}", Name = $"Minister {i}" }).ToList();
        await using (var db = store.NewDb())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // A row written before, so the keys handed out do not start where a counter would.
            db.Ministers.Add(new Minister { Slug = "earlier", Name = "Earlier" });
            await db.SaveChangesAsync();

            using var rows = new RowInserter<Minister>(db);
            foreach (var minister in inserted)
            {
                await rows.InsertAsync(minister, CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        await using var check = store.NewDb();
        var stored = await check.Ministers.Where(m => m.Slug != "earlier").ToDictionaryAsync(m => m.Id, m => m.Slug);
        Assert.Equal(inserted.Count, stored.Count);
        Assert.All(inserted, m => Assert.Equal(m.Slug, stored[m.Id]));
        Assert.Equal(inserted.Count, inserted.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task OutsideATransaction_NoInserterIsMade()
    {
        await using var db = store.NewDb();
        Assert.Throws<InvalidOperationException>(() => new RowInserter<Minister>(db));
    }

    protected async Task<string> CommandTextAsync()
    {
        await using var db = store.NewDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        using var rows = new RowInserter<Minister>(db);
        return rows.CommandText;
    }
}

public sealed class RowInserterOnSqliteTests() : RowInserterTests(StoreProvider.Sqlite)
{
    /// <summary>
    /// SQLite gives every INSERT … RETURNING a statement journal on disk; a cold ingest of the real corpus wrote
    /// 2.8 GB of them (docs/performance.md, "The floor of a cold ingest"). The key comes from last_insert_rowid().
    /// </summary>
    [Fact]
    public async Task TheKey_IsReadWithoutReturning()
    {
        var text = await CommandTextAsync();
        Assert.DoesNotContain("RETURNING", text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("; SELECT last_insert_rowid()", text, StringComparison.Ordinal);
    }
}

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class RowInserterOnPostgreSqlTests() : RowInserterTests(StoreProvider.PostgreSql)
{
    [Fact]
    public async Task TheKey_ComesBackThroughReturning() =>
        Assert.Contains("RETURNING \"Id\"", await CommandTextAsync(), StringComparison.Ordinal);
}
