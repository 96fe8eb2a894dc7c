using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>The repository's 214 real seed releases, ingested in place.</summary>
public abstract class SeedsIngestTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly string[] FolderDescriptions = ["SOURCE.md", "LICENSE.md", "README.md"];

    private TestStore store = null!;
    private string seeds = null!;
    private List<SimpleFrontMatter> files = null!;

    public async Task InitializeAsync()
    {
        seeds = RepoPaths.RequireSeedsFolder();
        files = Directory.GetFiles(seeds, "*.md")
            .Where(f => !FolderDescriptions.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => SimpleFrontMatter.Read(f) ?? throw new InvalidOperationException($"the test cannot read {f}"))
            .ToList();
        store = await TestStore.CreateAsync(provider);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task Seeds_AreIngested_ExceptTheFileWithAnEmptyTitle_WhichIsReportedWithItsLine()
    {
        Assert.Equal(214, files.Count);
        var emptyTitles = files.Where(f => string.IsNullOrWhiteSpace(f.Title)).ToList();
        Assert.NotEmpty(emptyTitles);
        var facts = new CorpusFacts(files);
        Assert.NotEmpty(facts.JunkMinisterEntries);

        var report = await store.IngestAsync(seeds);

        Assert.Equal(files.Count, report.FilesSeen);
        Assert.Equal(emptyTitles.Count, report.Rejected);
        Assert.Equal(files.Count - emptyTitles.Count, report.Added);
        foreach (var file in emptyTitles)
        {
            var error = Assert.Single(report.Errors, e => e.File == file.FileName);
            Assert.Equal(file.TitleLine, error.Line);
            Assert.Contains("'title' is empty", error.Message);
        }

        Assert.Equal(emptyTitles.Select(f => f.FileName), report.Errors.Select(e => e.File));

        // Minister entries that are not names are warnings on the files that hold them.
        Assert.Equal(facts.JunkMinisterEntries.Select(j => j.File).Order(StringComparer.Ordinal), report.Warnings.Select(w => w.File).Order(StringComparer.Ordinal));
        foreach (var (file, entry) in facts.JunkMinisterEntries)
        {
            Assert.Contains(report.Warnings, w => w.File == file && w.Message.Contains(entry, StringComparison.Ordinal));
        }

        await using var db = store.NewDb();
        Assert.Equal(files.Count - emptyTitles.Count, await db.Releases.CountAsync());
        Assert.Equal(report.Added, await store.Catalog.CountAsync());
        Assert.Equal(report.Added, (await store.SearchAsync((string?)null)).Total);

        // The store keeps the same problems, with file names and lines.
        var run = await db.IngestRuns.Include(r => r.Problems).SingleAsync();
        Assert.Equal(
            report.Problems.Select(p => (p.Severity, p.File, p.Line)).Order(),
            run.Problems.Select(p => (p.Severity, p.File, p.Line)).Order());
        Assert.Contains(run.Problems, p => p.Severity == "error" && p.File == emptyTitles[0].FileName && p.Line == emptyTitles[0].TitleLine);
    }

    [Fact]
    public async Task Seeds_StoredReleasesAndFacets_MatchTheFiles()
    {
        await store.IngestAsync(seeds);
        var accepted = files.Where(f => !string.IsNullOrWhiteSpace(f.Title)).ToList();

        await using (var db = store.NewDb())
        {
            var byPath = (await db.Releases.AsNoTracking().ToListAsync()).ToDictionary(r => r.SourcePath);
            Assert.Equal(accepted.Count, byPath.Count);
            foreach (var file in accepted)
            {
                var row = byPath[file.FileName];
                Assert.Equal(file.Url, row.SourceUrl);
                Assert.Equal(file.Date == "0001-01-01" ? null : file.Date, row.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Contains(accepted, f => f.Date == "0001-01-01");

        var facts = new CorpusFacts(accepted);
        var result = await store.SearchAsync(new SearchRequest { FacetLimit = 1000 });
        CountAssert.Equal(facts.MinisterCounts, result.Facets.Ministers.ToDictionary(v => v.Slug, v => v.Count));
        CountAssert.Equal(facts.PortfolioCounts, result.Facets.Portfolios.ToDictionary(v => v.Slug, v => v.Count));
    }

    [Fact]
    public async Task Seeds_ReingestedUnchanged_AddNothing()
    {
        var first = await store.IngestAsync(seeds);
        var second = await store.IngestAsync(seeds);

        Assert.Equal((0, 0, 0, first.Added, first.Rejected), (second.Added, second.Updated, second.Removed, second.Unchanged, second.Rejected));
        await using var db = store.NewDb();
        Assert.Equal(first.Added, await db.Releases.CountAsync());
    }
}

public sealed class SeedsIngestOnSqliteTests() : SeedsIngestTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class SeedsIngestOnPostgreSqlTests() : SeedsIngestTests(StoreProvider.PostgreSql);
