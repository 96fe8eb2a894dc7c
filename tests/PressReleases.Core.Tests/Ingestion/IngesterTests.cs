using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>End to end: files in a folder, through the ingester, into the SQLite store and the Lucene index.</summary>
public abstract class IngesterTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    private SourceFolder Source => store.Source;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<Release> RowAsync(string slug)
    {
        await using var db = store.NewDb();
        return await db.Releases.AsNoTracking().SingleAsync(r => r.Slug == slug);
    }

    private async Task<int> RowCountAsync()
    {
        await using var db = store.NewDb();
        return await db.Releases.CountAsync();
    }

    private async Task<int> TotalAsync(string query) => (await store.SearchAsync(query)).Total;

    [Fact]
    public async Task OddOptionalFields_AreSkippedWithWarningsInTheReport_AndTheReleaseIsStoredAndSearchable()
    {
        Source.WriteRaw("odd.md", $"---\ntitle: \"Feijoa harvest report\"\ndate: 2020-01-15\nurl: {ReleaseFileText.UrlFor("odd")}\nportfolios:\n  Primary Industries: true\nattachments:\n  - name: Report\n    url: https://www.beehive.govt.nz/sites/default/files/feijoa.pdf\n  - name: Annex\n    pages: 4\n---\n\nFeijoa.\n");

        var report = await store.IngestAsync();

        Assert.Equal((1, 0), (report.Added, report.Rejected));
        Assert.Equal(
            [("odd.md", 6, "'portfolios' is a map where a list belongs; skipped, the release is stored without it"),
             ("odd.md", 10, "'attachments' has an entry that is not a single value; skipped, the release is stored without it")],
            report.Warnings.Select(w => (w.File, w.Line ?? 0, w.Message)).OrderBy(w => w.Item2));
        var row = await RowAsync("odd");
        Assert.Equal(["https://www.beehive.govt.nz/sites/default/files/feijoa.pdf"], row.Attachments);
        Assert.Equal(1, await TotalAsync("feijoa"));
    }

    private static string WithAttachments(string name, string attachments) =>
        $"---\ntitle: \"Feijoa {name}\"\ndate: 2020-01-15\nurl: {ReleaseFileText.UrlFor(name)}\nattachments:\n{attachments}---\n\nFeijoa.\n";

    [Fact]
    public async Task AttachmentNames_AreStoredByPosition_AndAChangedNameUpdatesTheRelease()
    {
        const string Attachments =
            "  - name: \"Budget report\"\n    url: https://www.beehive.govt.nz/files/report.pdf\n" +
            "  - https://www.beehive.govt.nz/files/plain.pdf\n" +
            "  - url: https://www.beehive.govt.nz/files/annex.pdf\n";
        Source.WriteRaw("named.md", WithAttachments("named", Attachments));

        Assert.Equal(1, (await store.IngestAsync()).Added);

        var row = await RowAsync("named");
        Assert.Equal(["https://www.beehive.govt.nz/files/report.pdf", "https://www.beehive.govt.nz/files/plain.pdf", "https://www.beehive.govt.nz/files/annex.pdf"], row.Attachments);
        Assert.Equal(["Budget report", "", ""], row.AttachmentNames);
        var detail = await store.Catalog.FindAsync("named");
        Assert.Equal(
            [new AttachmentLink("https://www.beehive.govt.nz/files/report.pdf", "Budget report"), new AttachmentLink("https://www.beehive.govt.nz/files/plain.pdf", null), new AttachmentLink("https://www.beehive.govt.nz/files/annex.pdf", null)],
            detail!.Attachments);

        // Only the name changes: the file's bytes do, so the release is updated and the new name read back.
        Source.WriteRaw("named.md", WithAttachments("named", Attachments.Replace("Budget report", "Budget report 2020", StringComparison.Ordinal)));
        var report = await store.IngestAsync();

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal("Budget report 2020", (await store.Catalog.FindAsync("named"))!.Attachments[0].Name);
    }

    [Fact]
    public async Task AStoreFromBeforeAttachmentNames_ReadsFilesWithAttachmentsAgain_OnItsNextIngest()
    {
        // Old enough for their fingerprints to be trusted, so that only what the migration forgot makes a file be read.
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(Source.WriteRaw("named.md", WithAttachments("named", "  - name: \"Budget report\"\n    url: https://www.beehive.govt.nz/files/report.pdf\n")), anHourAgo);
        File.SetLastWriteTimeUtc(Source.Write("plain.md", "Plain release"), anHourAgo);
        await store.IngestAsync();

        // Back to the schema before names were kept (the column goes), then up again as an upgraded site does.
        await using (var db = store.NewDb())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var withNames = migrations.FindIndex(m => m.EndsWith("_AttachmentNames", StringComparison.Ordinal));
            Assert.True(withNames > 0, "no AttachmentNames migration");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[withNames - 1]);
            await migrator.MigrateAsync();
        }

        var upgraded = await RowAsync("named");
        Assert.Equal(["https://www.beehive.govt.nz/files/report.pdf"], upgraded.Attachments);
        Assert.Empty(upgraded.AttachmentNames);
        Assert.Equal(("", 0L), (upgraded.ContentHash, upgraded.SourceWriteTicks));
        Assert.Null((await store.Catalog.FindAsync("named"))!.Attachments.Single().Name);
        Assert.Equal(64, (await RowAsync("plain")).ContentHash.Length);

        var report = await store.IngestAsync();

        // The file with attachments is read and stored again; the one without has no name to gain and is left alone.
        Assert.Equal((0, 1, 1, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Equal("Budget report", (await store.Catalog.FindAsync("named"))!.Attachments.Single().Name);
        Assert.Equal(64, (await RowAsync("named")).ContentHash.Length);
    }

    [Fact]
    public async Task FirstIngest_AddsEveryValidFile_RejectsTheInvalidOne()
    {
        Source.Write("alpha.md", "Alpha release");
        Source.Write("beta.md", "Beta release");
        Source.Write("2020/03/gamma.md", "Gamma release");
        Source.WriteRaw("broken.md", "No front matter here.\n");

        var report = await store.IngestAsync();

        Assert.Equal((4, 3, 0, 0, 0, 1), (report.FilesSeen, report.Added, report.Updated, report.Unchanged, report.Removed, report.Rejected));
        Assert.Equal(3, await RowCountAsync());
        Assert.Equal(3, await store.Catalog.CountAsync());
        Assert.Equal(3, store.Index.DocumentCount);

        var gamma = await RowAsync("gamma");
        Assert.Equal("Gamma release", gamma.Title);
        Assert.Equal("2020/03/gamma.md", gamma.SourcePath);
        Assert.Equal(Source.Path, gamma.SourceRoot);
        Assert.Equal(ReleaseFileText.UrlFor("gamma"), gamma.SourceUrl);
        Assert.Equal(64, gamma.ContentHash.Length);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("broken.md", 1), (error.File, error.Line));
    }

    [Fact]
    public async Task Reingest_OfAnUnchangedFolder_ReportsAllUnchanged_AndCreatesNoDuplicates()
    {
        Source.Write("alpha.md", "Alpha kiwifruit", ministers: ["Hon John Key"], portfolios: ["Trade"]);
        Source.Write("beta.md", "Beta avocado", ministers: ["John Key", "Bill English"], portfolios: ["Trade", "Finance"]);
        Source.Write("gamma.md", "Gamma feijoa", ministers: ["Bill English"], portfolios: ["Māori Affairs"]);
        var first = await store.IngestAsync();
        Assert.Equal(3, first.Added);
        var before = await CountRowsAsync();

        var second = await store.IngestAsync();

        Assert.Equal((3, 0, 0, 3, 0, 0), (second.FilesSeen, second.Added, second.Updated, second.Unchanged, second.Removed, second.Rejected));
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(3, store.Index.DocumentCount);
        Assert.Equal(1, await TotalAsync("kiwifruit"));
        Assert.Equal(3, await store.Catalog.CountAsync());
    }

    private async Task<(int Releases, int Ministers, int Portfolios, int MinisterLinks, int PortfolioLinks, long MaxChangeSeq)> CountRowsAsync()
    {
        await using var db = store.NewDb();
        return (await db.Releases.CountAsync(), await db.Ministers.CountAsync(), await db.Portfolios.CountAsync(),
            await db.ReleaseMinisters.CountAsync(), await db.ReleasePortfolios.CountAsync(), await db.Releases.MaxAsync(r => r.ChangeSeq));
    }

    [Fact]
    public async Task EditedFile_UpdatesTheReleaseInPlace()
    {
        Source.Write("alpha.md", "Kiwifruit exports soar", ministers: ["John Key"], portfolios: ["Trade"]);
        Source.Write("beta.md", "Something else entirely");
        await store.IngestAsync();
        var before = await RowAsync("alpha");

        Source.Write("alpha.md", "Avocado harvest breaks record", date: "2021-02-03", ministers: ["Bill English"], portfolios: ["Primary Industries"]);
        var report = await store.IngestAsync();

        Assert.Equal((0, 1, 1), (report.Added, report.Updated, report.Unchanged));
        var after = await RowAsync("alpha");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("Avocado harvest breaks record", after.Title);
        Assert.Equal(new DateOnly(2021, 2, 3), after.Date);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.True(after.ChangeSeq > before.ChangeSeq);
        Assert.Equal(2, await RowCountAsync());

        Assert.Equal(0, await TotalAsync("kiwifruit"));
        var hit = Assert.Single((await store.SearchAsync("avocado")).Items);
        Assert.Equal("alpha", hit.Slug);

        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.Equal(["bill-english"], detail.Ministers.Select(m => m.Slug));
        Assert.Equal(["primary-industries"], detail.Portfolios.Select(p => p.Slug));
        Assert.Equal(0, (await store.SearchAsync(new SearchRequest { Ministers = ["john-key"] })).Total);
        Assert.Equal(1, (await store.SearchAsync(new SearchRequest { Ministers = ["bill-english"] })).Total);
    }

    [Fact]
    public async Task DeletedFile_MarksTheReleaseRemoved()
    {
        Source.Write("alpha.md", "Kiwifruit exports soar", ministers: ["John Key"]);
        Source.Write("beta.md", "Avocado harvest", ministers: ["Bill English"]);
        await store.IngestAsync();
        Assert.Equal(2, await store.Catalog.CountAsync());

        Source.Delete("alpha.md");
        var report = await store.IngestAsync();

        Assert.Equal((1, 1, 0), (report.Removed, report.Unchanged, report.Added));
        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.True(detail.IsRemoved);
        Assert.Equal("Kiwifruit exports soar", detail.Title);
        Assert.Equal(0, await TotalAsync("kiwifruit"));
        Assert.Equal(1, await store.Catalog.CountAsync());
        Assert.Equal(2, await RowCountAsync());
        Assert.Equal(1, store.Index.PublishedCount);
        Assert.Equal(2, store.Index.DocumentCount);
        Assert.Equal(1, (await store.Search.SearchAsync(new SearchRequest { Query = "kiwifruit", Status = ReleaseStatus.Withdrawn })).Total);
        Assert.Null(await store.Catalog.FindNameAsync(NameKind.Minister, "john-key"));
        Assert.DoesNotContain(await store.Catalog.ListAsync(NameKind.Minister), m => m.Slug == "john-key");
    }

    [Fact]
    public async Task RestoredFile_BringsTheReleaseBack()
    {
        Source.Write("alpha.md", "Kiwifruit exports soar");
        Source.Write("beta.md", "Avocado harvest");
        await store.IngestAsync();
        var original = await RowAsync("alpha");
        var text = File.ReadAllText(Source.FullPath("alpha.md"));
        Source.Delete("alpha.md");
        await store.IngestAsync();
        Assert.True((await store.Catalog.FindAsync("alpha"))!.IsRemoved);

        Source.WriteRaw("alpha.md", text);
        var report = await store.IngestAsync();

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed));
        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.False(detail.IsRemoved);
        Assert.Equal(original.Id, detail.Id);
        Assert.Equal("alpha", Assert.Single((await store.SearchAsync("kiwifruit")).Items).Slug);
        Assert.Equal(2, await store.Catalog.CountAsync());
        Assert.Equal(2, await RowCountAsync());
    }

    [Fact]
    public async Task FileThatBecomesInvalid_KeepsItsLastGoodVersion_AndIsReportedRejected()
    {
        Source.Write("alpha.md", "Kiwifruit exports soar");
        Source.Write("beta.md", "Avocado harvest");
        await store.IngestAsync();

        Source.WriteRaw("alpha.md", $"---\ntitle: \"\"\ndate: 2020-01-15\nurl: {ReleaseFileText.UrlFor("alpha")}\n---\n\nFeijoa.\n");
        var report = await store.IngestAsync();

        Assert.Equal((1, 0, 0, 1), (report.Rejected, report.Removed, report.Updated, report.Unchanged));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("alpha.md", 2), (error.File, error.Line));
        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.False(detail.IsRemoved);
        Assert.Equal("Kiwifruit exports soar", detail.Title);
        Assert.Equal(1, await TotalAsync("kiwifruit"));
        Assert.Equal(0, await TotalAsync("feijoa"));
        Assert.Equal(2, await store.Catalog.CountAsync());

        // Still broken next time: still kept.
        var again = await store.IngestAsync();
        Assert.Equal((1, 0), (again.Rejected, again.Removed));
        Assert.False((await store.Catalog.FindAsync("alpha"))!.IsRemoved);

        // Fixed: updated in place.
        Source.Write("alpha.md", "Feijoa season opens");
        var fixedReport = await store.IngestAsync();
        Assert.Equal((1, 0, 0), (fixedReport.Updated, fixedReport.Added, fixedReport.Rejected));
        Assert.Equal("Feijoa season opens", (await store.Catalog.FindAsync("alpha"))!.Title);
        Assert.Equal(0, await TotalAsync("kiwifruit"));
    }

    [Theory]
    [InlineData("2020-01-01", "2021-05-06")]
    [InlineData("2021-05-06", "2020-01-01")]
    public async Task SameUrlWithDifferentDates_GetsDistinctSlugs_TheFirstByPathKeepingThePlainSlug(string firstDate, string secondDate)
    {
        var url = ReleaseFileText.UrlFor("shared-address");
        Source.Write("one.md", "First of the pair", date: firstDate, url: url);
        Source.Write("two.md", "Second of the pair", date: secondDate, url: url);

        var report = await store.IngestAsync();

        Assert.Equal(2, report.Added);
        await using (var db = store.NewDb())
        {
            var byPath = await db.Releases.AsNoTracking().ToDictionaryAsync(r => r.SourcePath, r => r.Slug);
            Assert.Equal("shared-address", byPath["one.md"]);
            Assert.Equal($"shared-address-{secondDate}", byPath["two.md"]);
        }

        Assert.Equal("Second of the pair", (await store.Catalog.FindAsync($"shared-address-{secondDate}"))!.Title);

        var again = await store.IngestAsync();
        Assert.Equal((2, 0), (again.Unchanged, again.Added));
        Assert.Equal(2, await RowCountAsync());
    }

    [Theory]
    [InlineData("enhancing-new-zealand--japan-cooperation", "enhancing-new-zealand--japan-cooperation")]
    [InlineData("Budget_2020%20Speech", "budget-2020-speech")]
    public async Task PermalinkSlug_ComesFromTheUrlsLastSegment(string segment, string slug)
    {
        Source.Write("a.md", "Some release", url: $"{ReleaseFileText.Site}/release/{segment}");

        await store.IngestAsync();

        var detail = await store.Catalog.FindAsync(slug);
        Assert.NotNull(detail);
        Assert.Equal("Some release", detail.Title);
        Assert.Equal(slug, Assert.Single((await store.SearchAsync("some")).Items).Slug);
    }

    [Fact]
    public async Task SlugsStayUnique_WhenUrlAndDateRepeat()
    {
        var url = ReleaseFileText.UrlFor("repeat");
        Source.Write("a.md", "Copy A", date: "2020-01-01", url: url);
        Source.Write("b.md", "Copy B", date: "2020-01-01", url: url);
        Source.Write("c.md", "Copy C", date: "2020-01-01", url: url);
        Source.Write("d.md", "Undated copy", date: "0001-01-01", url: url);

        await store.IngestAsync();

        await using var db = store.NewDb();
        var byPath = await db.Releases.AsNoTracking().ToDictionaryAsync(r => r.SourcePath, r => r.Slug);
        Assert.Equal("repeat", byPath["a.md"]);
        Assert.Equal("repeat-2020-01-01", byPath["b.md"]);
        Assert.Equal("repeat-2020-01-01-2", byPath["c.md"]);
        Assert.Equal("repeat-undated", byPath["d.md"]);
    }

    [Fact]
    public async Task IngestProblems_AreRecordedInTheStore_AndABadFileNeverStopsTheRest()
    {
        var url = ReleaseFileText.UrlFor("x");
        Source.WriteRaw("a-empty-title.md", $"---\ntitle: \"\"\ndate: 2020-01-15\nurl: {url}\n---\n\nBody.\n");
        Source.Write("b-good.md", "Good release one");
        Source.WriteRaw("c-no-front-matter.md", "# Just a heading\n");
        Source.Write("d-junk-minister.md", "Good release two", ministers: ["John Key", "View/download PDF file of document"]);
        Source.WriteBytes("e-binary.md", [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01]);
        Source.WriteRaw("f-bad-date.md", $"---\ntitle: \"Dated badly\"\ndate: 2020-02-30\nurl: {url}\n---\n");
        Source.Write("g-good.md", "Good release three");

        var report = await store.IngestAsync();

        Assert.Equal((7, 3, 4), (report.FilesSeen, report.Added, report.Rejected));
        Assert.Equal(["b-good", "d-junk-minister", "g-good"], (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));

        await using var db = store.NewDb();
        var run = await db.IngestRuns.AsNoTracking().Include(r => r.Problems).SingleAsync(r => r.Id == report.RunId);
        Assert.Equal(IngestRunStatus.Completed, run.Status);
        Assert.Equal(Source.Path, run.Folder);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal((7, 3, 0, 0, 0, 4), (run.FilesSeen, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected));

        var stored = run.Problems.Select(p => (p.Severity, p.File, p.Line)).OrderBy(p => p.File, StringComparer.Ordinal).ToList();
        (string, string, int?)[] expected =
        [
            ("error", "a-empty-title.md", 2),
            ("error", "c-no-front-matter.md", 1),
            ("warning", "d-junk-minister.md", null),
            ("error", "e-binary.md", null),
            ("error", "f-bad-date.md", 3),
        ];
        Assert.Equal(expected, stored);
        Assert.Contains("View/download PDF file of document", run.Problems.Single(p => p.Severity == IngestProblemSeverity.Warning).Message);
        Assert.Contains("'title' is empty", run.Problems.Single(p => p.File == "a-empty-title.md").Message);

        // The report says the same as the store.
        Assert.Equal(stored, report.Problems.Select(p => (p.Severity, p.File, p.Line)).OrderBy(p => p.File, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ManyBadFiles_InterleavedWithGoodOnes_AllGoodOnesAreStored()
    {
        for (var i = 0; i < 30; i++)
        {
            if (i % 2 == 0)
            {
                Source.Write($"r{i:00}.md", $"Release number {i}");
            }
            else
            {
                Source.WriteRaw($"r{i:00}.md", i % 3 == 0 ? "" : "---\ntitle: [\n---\n");
            }
        }

        var report = await store.IngestAsync();

        Assert.Equal((30, 15, 15), (report.FilesSeen, report.Added, report.Rejected));
        var expected = Enumerable.Range(0, 30).Where(i => i % 2 == 0).Select(i => $"r{i:00}").ToList();
        Assert.Equal(expected, (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));
        Assert.Equal(15, report.Errors.Select(e => e.File).Distinct().Count());
    }

    [Fact]
    public async Task FileThatTripsTheYamlLibrary_IsRejected_AndTheRestIsIngested()
    {
        // YamlDotNet fails on this with an exception that is not a YamlException.
        Source.WriteRaw("a-open-list.md", $"---\ntitle: \"x\"\ndate: 2020-01-15\nportfolios: [Finance, Health\nurl: {ReleaseFileText.UrlFor("x")}\n---\n");
        Source.Write("b-good.md", "Good release");

        var report = await store.IngestAsync();

        Assert.Equal((1, 1), (report.Added, report.Rejected));
        Assert.Equal("a-open-list.md", Assert.Single(report.Errors).File);
        Assert.Equal(["b-good"], await store.SlugsFoundAsync(null));
    }

    [Fact]
    public async Task OversizedFile_IsRejectedWithoutBeingRead()
    {
        var text = new ReleaseFileText { Title = "Huge" }.ToText("huge.md");
        Source.WriteRaw("huge.md", text + new string('x', (int)IngestLimits.MaxFileBytes));
        Source.Write("small.md", "Small release");

        var report = await store.IngestAsync();

        Assert.Equal((1, 1), (report.Added, report.Rejected));
        var error = Assert.Single(report.Errors);
        Assert.Equal("huge.md", error.File);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public async Task FolderDescriptionFiles_AreSkipped()
    {
        Source.WriteRaw("SOURCE.md", "# About these releases\n");
        Source.WriteRaw("LICENSE.md", "Crown copyright.\n");
        Source.WriteRaw("sub/README.md", "Readme.\n");
        Source.Write("alpha.md", "Alpha release");

        var report = await store.IngestAsync();

        Assert.Equal((1, 1, 0), (report.FilesSeen, report.Added, report.Rejected));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task MissingFolder_Throws_AndRecordsNoRun()
    {
        var missing = Path.Combine(store.Temp.Path, "no-such-folder");

        var error = await Assert.ThrowsAsync<IngestFolderNotFoundException>(() => store.IngestAsync(missing));

        Assert.Equal(missing, error.Folder);
        await using var db = store.NewDb();
        Assert.Equal(0, await db.IngestRuns.CountAsync());
    }

    [Fact]
    public async Task MinisterSpellings_InDifferentFiles_BecomeOneMinisterWithBothReleases()
    {
        Source.Write("alpha.md", "Alpha release", ministers: ["Hon Grant Robertson"]);
        Source.Write("beta.md", "Beta release", ministers: ["Grant Robertson"]);
        Source.Write("gamma.md", "Gamma release", ministers: ["Rt Hon Jacinda Ardern"]);

        await store.IngestAsync();

        await using (var db = store.NewDb())
        {
            var grant = await db.Ministers.AsNoTracking().Where(m => m.Name.Contains("Robertson")).ToListAsync();
            Assert.Equal(("grant-robertson", "Grant Robertson"), (Assert.Single(grant).Slug, grant[0].Name));
        }

        var summary = await store.Catalog.FindNameAsync(NameKind.Minister, "grant-robertson");
        Assert.NotNull(summary);
        Assert.Equal(2, summary.ReleaseCount);
        Assert.Equal(["alpha", "beta"], (await store.SlugsFoundAsync(null, new SearchRequest { Ministers = ["grant-robertson"] })).Order(StringComparer.Ordinal));
        Assert.Equal(["grant-robertson"], (await store.Catalog.FindAsync("alpha"))!.Ministers.Select(m => m.Slug));
        Assert.Equal(["grant-robertson"], (await store.Catalog.FindAsync("beta"))!.Ministers.Select(m => m.Slug));
    }

    [Theory]
    [InlineData(2, 1, "Māori Affairs")]
    [InlineData(1, 2, "Maori Affairs")]
    [InlineData(1, 1, "Māori Affairs")]
    public async Task PortfolioSpellings_BecomeOnePortfolio_NamedByTheMoreFrequentSpelling(int macron, int plain, string expectedName)
    {
        for (var i = 0; i < macron; i++)
        {
            Source.Write($"macron{i}.md", $"Macron release {i}", portfolios: ["Māori Affairs"]);
        }

        for (var i = 0; i < plain; i++)
        {
            Source.Write($"plain{i}.md", $"Plain release {i}", portfolios: ["Maori Affairs"]);
        }

        await store.IngestAsync();

        await using (var db = store.NewDb())
        {
            var portfolio = Assert.Single(await db.Portfolios.AsNoTracking().ToListAsync());
            Assert.Equal(("maori-affairs", expectedName), (portfolio.Slug, portfolio.Name));
        }

        var summary = await store.Catalog.FindNameAsync(NameKind.Portfolio, "maori-affairs");
        Assert.Equal((macron + plain, expectedName), (summary!.ReleaseCount, summary.Name));
        var facet = Assert.Single((await store.SearchAsync(new SearchRequest())).Facets.Portfolios);
        Assert.Equal(("maori-affairs", expectedName, macron + plain), (facet.Slug, facet.Name, facet.Count));
    }

    [Fact]
    public async Task PortfolioDisplayName_FollowsTheSpellingsAsTheyChange()
    {
        Source.Write("a.md", "Release a", portfolios: ["Maori Affairs"]);
        Source.Write("b.md", "Release b", portfolios: ["Maori Affairs"]);
        Source.Write("c.md", "Release c", portfolios: ["Māori Affairs"]);
        await store.IngestAsync();
        Assert.Equal("Maori Affairs", (await store.Catalog.FindNameAsync(NameKind.Portfolio, "maori-affairs"))!.Name);

        Source.Write("b.md", "Release b", portfolios: ["Māori Affairs"]);
        await store.IngestAsync();

        Assert.Equal("Māori Affairs", (await store.Catalog.FindNameAsync(NameKind.Portfolio, "maori-affairs"))!.Name);
        Assert.Equal("Māori Affairs", (await store.Catalog.FindAsync("a"))!.Portfolios.Single().Name);
    }

    [Fact]
    public async Task JunkMinisterEntries_ProduceWarnings_AndDoNotBecomeMinisters()
    {
        string[] junk = ["View/download PDF file of document", "clicking here", "http://www.executive.govt.nz/minister/king/"];
        Source.Write("alpha.md", "Alpha release", ministers: ["John Key", .. junk]);

        var report = await store.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(junk.Length, report.Warnings.Count());
        Assert.All(report.Warnings, w => Assert.Equal("alpha.md", w.File));
        foreach (var entry in junk)
        {
            Assert.Contains(report.Warnings, w => w.Message.Contains(entry, StringComparison.Ordinal));
        }

        await using var db = store.NewDb();
        Assert.Equal(["john-key"], await db.Ministers.Select(m => m.Slug).ToListAsync());
        Assert.Equal(junk, (await db.Releases.SingleAsync()).DiscardedMinisterEntries);
    }

    [Fact]
    public async Task EmptiedFolder_KeepsItsReleases_AndWarns()
    {
        Source.Write("alpha.md", "Alpha release");
        Source.Write("beta.md", "Beta release");
        await store.IngestAsync();

        Source.Delete("alpha.md");
        Source.Delete("beta.md");
        var report = await store.IngestAsync();

        Assert.Equal((0, 0), (report.FilesSeen, report.Removed));
        Assert.Contains(report.Warnings, w => w.Message.Contains("no release files", StringComparison.Ordinal));
        Assert.Equal(2, await store.Catalog.CountAsync());
        Assert.Equal(2, (await store.SearchAsync("release")).Total);
    }

    [Fact]
    public async Task MovedFile_KeepsItsSlug()
    {
        Source.Write("alpha.md", "Kiwifruit exports soar");
        await store.IngestAsync();
        var before = await RowAsync("alpha");

        Source.Move("alpha.md", "2020/01/renamed.md");
        var report = await store.IngestAsync();

        Assert.Equal((0, 0), (report.Added, report.Removed));
        var after = await RowAsync("alpha");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("2020/01/renamed.md", after.SourcePath);
        Assert.Null(after.RemovedAt);
        Assert.Equal(1, await RowCountAsync());
        Assert.Equal(1, await TotalAsync("kiwifruit"));
    }

    [Fact]
    public async Task ReleasesAreJudgedPerFolder_IngestingOneFolderNeverRemovesAnother()
    {
        var other = new SourceFolder(store.Temp.Sub("other"));
        Source.Write("alpha.md", "Alpha kiwifruit");
        Source.Write("beta.md", "Beta avocado");
        other.Write("gamma.md", "Gamma feijoa");
        await store.IngestAsync();
        var otherReport = await store.IngestAsync(other.Path);
        Assert.Equal((1, 0), (otherReport.Added, otherReport.Removed));

        Source.Delete("alpha.md");
        var report = await store.IngestAsync();

        Assert.Equal(1, report.Removed);
        Assert.Equal(2, await store.Catalog.CountAsync());
        Assert.Equal(1, await TotalAsync("feijoa"));
        Assert.Equal(0, await TotalAsync("kiwifruit"));
    }

    [Fact]
    public async Task SameFileInTwoFolders_IsOneRelease_ThatBelongsToTheFolderIngestedLast()
    {
        var other = new SourceFolder(store.Temp.Sub("other"));
        Source.Write("alpha.md", "Kiwifruit exports soar");
        other.WriteBytes("copy/alpha.md", File.ReadAllBytes(Source.FullPath("alpha.md")));

        await store.IngestAsync();
        var second = await store.IngestAsync(other.Path);

        Assert.Equal((0, 1), (second.Added, second.Unchanged));
        Assert.Equal(1, await RowCountAsync());
        Assert.Equal(other.Path, (await RowAsync("alpha")).SourceRoot);

        // Ingesting the first folder again takes it back, still as one unchanged release.
        var third = await store.IngestAsync();
        Assert.Equal((0, 0, 1), (third.Added, third.Updated, third.Unchanged));
        Assert.Equal(Source.Path, (await RowAsync("alpha")).SourceRoot);
    }

    [Fact]
    public async Task FileMovedToAnotherFolder_IsNotRemoved_WhenTheOldFolderIsIngestedAfterTheNewOne()
    {
        var other = new SourceFolder(store.Temp.Sub("other"));
        Source.Write("alpha.md", "Kiwifruit exports soar");
        Source.Write("beta.md", "Avocado harvest");
        await store.IngestAsync();

        // alpha.md moves from the first folder to the second; both folders are ingested, the new one first.
        other.WriteBytes("alpha.md", File.ReadAllBytes(Source.FullPath("alpha.md")));
        Source.Delete("alpha.md");
        await store.IngestAsync(other.Path);
        await store.IngestAsync();

        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.False(detail.IsRemoved);
        Assert.Equal(1, await TotalAsync("kiwifruit"));
        Assert.Equal(2, await store.Catalog.CountAsync());
    }

    [Fact]
    public async Task FolderPathWithTrailingSeparator_IsTheSameFolder()
    {
        Source.Write("alpha.md", "Alpha release");
        await store.IngestAsync();

        var report = await store.IngestAsync(Source.Path + Path.DirectorySeparatorChar);

        Assert.Equal((1, 0, 0), (report.Unchanged, report.Added, report.Removed));
        Assert.Equal(Source.Path, report.Folder);
    }

    [Fact]
    public async Task StoredRelease_KeepsAttachmentsUndatedDateAndMinisterOrder()
    {
        Source.Write("alpha.md", new ReleaseFileText
        {
            Title = "Alpha release",
            Date = "0001-01-01",
            Ministers = ["Rt Hon Winston Peters", "Hon Shane Jones"],
            Portfolios = ["Foreign Affairs", "Regional Economic Development"],
            Attachments = ["https://www.beehive.govt.nz/files/b.pdf", "https://www.beehive.govt.nz/files/a.pdf"],
        });

        await store.IngestAsync();

        var detail = await store.Catalog.FindAsync("alpha");
        Assert.NotNull(detail);
        Assert.Null(detail.Date);
        Assert.Equal(["winston-peters", "shane-jones"], detail.Ministers.Select(m => m.Slug));
        Assert.Equal(["Winston Peters", "Shane Jones"], detail.Ministers.Select(m => m.Name));
        Assert.Equal(["foreign-affairs", "regional-economic-development"], detail.Portfolios.Select(p => p.Slug));
        Assert.Equal(["https://www.beehive.govt.nz/files/b.pdf", "https://www.beehive.govt.nz/files/a.pdf"], detail.Attachments.Select(a => a.Url));
        Assert.All(detail.Attachments, a => Assert.Null(a.Name));
    }

    [Fact]
    public async Task IndexCommit_RecordsTheStoresChangeSequence_AndIndexMatchesStoreAfterEveryKindOfChange()
    {
        Source.Write("alpha.md", "Alpha");
        Source.Write("beta.md", "Beta");
        Source.Write("gamma.md", "Gamma");
        await store.IngestAsync();
        await AssertIndexMatchesStoreAsync();

        Source.Write("beta.md", "Beta edited");
        Source.Delete("gamma.md");
        Source.Write("delta.md", "Delta");
        var report = await store.IngestAsync();
        Assert.Equal((1, 1, 1, 1), (report.Added, report.Updated, report.Removed, report.Unchanged));
        await AssertIndexMatchesStoreAsync();
    }

    private async Task AssertIndexMatchesStoreAsync()
    {
        await using var db = store.NewDb();
        Assert.Equal(await db.Releases.MaxAsync(r => r.ChangeSeq), store.Index.CommittedChangeSeq);
        var current = await db.Releases.Where(r => r.RemovedAt == null).Select(r => r.Slug).ToListAsync();
        Assert.Equal(current.Order(StringComparer.Ordinal), (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));
        Assert.False(store.Index.NeedsRebuild);
    }

    [Fact]
    public async Task EveryIngest_IsRecordedAsARun()
    {
        Source.Write("alpha.md", "Alpha");
        var first = await store.IngestAsync();
        var second = await store.IngestAsync();

        await using var db = store.NewDb();
        var runs = await db.IngestRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([first.RunId, second.RunId], runs.Select(r => r.Id));
        Assert.All(runs, r => Assert.Equal(IngestRunStatus.Completed, r.Status));
        Assert.Equal((1, 0), (runs[0].Added, runs[0].Unchanged));
        Assert.Equal((0, 1), (runs[1].Added, runs[1].Unchanged));
        Assert.All(runs, r => Assert.True(r.FinishedAt >= r.StartedAt));
    }

    [Fact]
    public async Task Progress_IsReportedWithTheFileTotal()
    {
        for (var i = 0; i < 5; i++)
        {
            Source.Write($"r{i}.md", $"Release {i}");
        }

        var reports = new List<IngestProgress>();
        var progress = new SynchronousProgress(reports);
        await store.Ingester.IngestAsync(Source.Path, progress);

        Assert.Equal(new IngestProgress(5, 5), reports[^1]);
    }

    private sealed class SynchronousProgress(List<IngestProgress> reports) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

public sealed class IngesterOnSqliteTests() : IngesterTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IngesterOnPostgreSqlTests() : IngesterTests(StoreProvider.PostgreSql);
