using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>
/// Each broken or hostile file of issue #6, ingested beside good files in the same folder (and in a
/// sub-folder): the good files are all stored and searchable; the bad file is reported by name with the
/// reason and, where known, the line; nothing is stored for it.
/// </summary>
public abstract class RejectedFileTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    public static TheoryData<RejectedCase> Cases() => [.. BadFiles.Rejected()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadFile_IsReportedWithItsNameReasonAndLine_AndTheGoodFilesBesideItAreStored(RejectedCase bad)
    {
        store.Source.Write("a-good.md", "Kiwifruit growers welcome trade deal");
        store.Source.WriteBytes(bad.FileName, bad.Bytes());
        store.Source.Write("z-good.md", "Avocado harvest record");
        store.Source.Write("2020/03/good-in-sub.md", "Feijoa season opens");

        var report = await store.IngestAsync();

        Assert.Equal((4, 3, 1), (report.FilesSeen, report.Added, report.Rejected));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(IngestProblemSeverity.Error, problem.Severity);
        Assert.Equal(bad.FileName, problem.File);
        Assert.Contains(bad.Reason, problem.Message, StringComparison.Ordinal);
        Assert.Equal(bad.Line, problem.Line);

        Assert.Equal(["a-good", "good-in-sub", "z-good"], (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));
        Assert.Equal(3, await store.Catalog.CountAsync());
        Assert.Equal(3, store.Index.DocumentCount);
    }

    [Fact]
    public async Task EveryBadFileInOneFolder_IsReportedOnce_AndEveryGoodFileIsStored()
    {
        var cases = BadFiles.Rejected().ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            store.Source.WriteBytes(cases[i].FileName, cases[i].Bytes());
            store.Source.Write($"good-{i:00}.md", $"Good release number {i}");
        }

        var report = await store.IngestAsync();

        Assert.Equal((cases.Count * 2, cases.Count, cases.Count), (report.FilesSeen, report.Added, report.Rejected));
        var expected = cases.Select(c => (c.FileName, c.Line)).Order().ToList();
        Assert.Equal(expected, report.Errors.Select(e => (e.File, e.Line)).Order().ToList());
        Assert.Empty(report.Warnings);
        Assert.Equal(cases.Count, store.Index.DocumentCount);
        Assert.Equal(Enumerable.Range(0, cases.Count).Select(i => $"good-{i:00}"), (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));

        // A second run reads the same verdicts and changes nothing.
        var again = await store.IngestAsync();
        Assert.Equal((0, 0, cases.Count, cases.Count), (again.Added, again.Updated, again.Unchanged, again.Rejected));
    }
}

public sealed class RejectedFileOnSqliteTests() : RejectedFileTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class RejectedFileOnPostgreSqlTests() : RejectedFileTests(StoreProvider.PostgreSql);
