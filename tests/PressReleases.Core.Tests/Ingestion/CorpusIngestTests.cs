using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

/// <summary>
/// Real releases from the shared corpus (every file of July 2014 and March 2020, copied into a temp folder
/// as YYYY/MM/*.md), checked against what the test itself reads from the files.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public abstract partial class CorpusIngestTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly string[] Months = ["2014/07", "2020/03"];

    private TestStore store = null!;
    private List<(string RelativePath, SimpleFrontMatter File)> files = null!;

    public async Task InitializeAsync()
    {
        var corpus = RepoPaths.RequireCorpusFolder();
        store = await TestStore.CreateAsync(provider);
        files = [];
        foreach (var month in Months)
        {
            var folder = Path.Combine(corpus, month);
            Assert.True(Directory.Exists(folder), $"The corpus has no folder '{folder}'.");
            foreach (var path in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                var relative = $"{month}/{Path.GetFileName(path)}";
                store.Source.WriteBytes(relative, File.ReadAllBytes(path));
                files.Add((relative, SimpleFrontMatter.Read(path) ?? throw new InvalidOperationException($"the test cannot read {path}")));
            }
        }

        Assert.True(files.Count >= 300, $"expected about 365 files, found {files.Count}");
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task Corpus_EveryValidFileIsStored_WithItsUrl_AndFacetsCountTheFilesThatNameThem()
    {
        var report = await store.IngestAsync();

        Assert.Equal(files.Count, report.FilesSeen);
        await using var db = store.NewDb();
        var rows = await db.Releases.AsNoTracking().ToListAsync();
        Assert.Equal(files.Count - report.Rejected, rows.Count);
        Assert.Equal(rows.Count, report.Added);
        Assert.Equal(rows.Count, await store.Catalog.CountAsync());
        Assert.Equal(rows.Count, store.Index.DocumentCount);

        var rejected = report.Errors.Select(e => e.File).ToHashSet();
        var accepted = files.Where(f => !rejected.Contains(f.RelativePath)).ToList();
        var storedUrls = rows.Select(r => r.SourceUrl).ToHashSet();
        foreach (var (path, file) in accepted)
        {
            Assert.True(storedUrls.Contains(file.Url!), $"{path}: {file.Url} is not stored");
        }

        Assert.Equal(accepted.Select(f => f.RelativePath).Order(StringComparer.Ordinal), rows.Select(r => r.SourcePath).Order(StringComparer.Ordinal));

        // Facets over everything: each minister and portfolio counts the files that name it.
        var facts = new CorpusFacts(accepted.Select(f => f.File).ToList());
        var result = await store.SearchAsync(new SearchRequest { FacetLimit = 1000 });
        Assert.Equal(rows.Count, result.Total);
        CountAssert.Equal(facts.MinisterCounts, result.Facets.Ministers.ToDictionary(v => v.Slug, v => v.Count));
        CountAssert.Equal(facts.PortfolioCounts, result.Facets.Portfolios.ToDictionary(v => v.Slug, v => v.Count));

        // A minister filter finds exactly the files that name that minister.
        var busiest = facts.MinisterCounts.MaxBy(kv => kv.Value).Key;
        var found = await store.SlugsFoundAsync(null, new SearchRequest { Ministers = [busiest] });
        Assert.Equal(facts.MinisterCounts[busiest], found.Count);

        // Display names are one of the spellings the files use, without honorifics.
        foreach (var minister in result.Facets.Ministers)
        {
            Assert.Contains(minister.Name, facts.SpellingsOf(minister.Slug));
        }
    }

    [Fact]
    public async Task Corpus_PermalinksShowTheFilesTitleAndBody()
    {
        await store.IngestAsync();
        var urlCounts = files.GroupBy(f => f.File.Url).ToDictionary(g => g.Key!, g => g.Count());

        var checkedTitles = 0;
        var checkedBodies = 0;
        // Every fifth file whose url no other file shares (so its slug is the url's own).
        var sample = files.Where(f => urlCounts[f.File.Url!] == 1).Where((_, i) => i % 5 == 0).ToList();
        foreach (var (path, file) in sample)
        {
            var slug = SlugFromUrl(file.Url!);
            var detail = await store.Catalog.FindAsync(slug);
            Assert.True(detail is not null, $"{path}: no release at slug '{slug}'");
            Assert.Equal(file.Url, detail.SourceUrl);
            if (!file.Title!.Contains('<') && !Entity().IsMatch(file.Title))
            {
                Assert.Equal(Regex.Replace(file.Title.Trim(), @"\s+", " "), detail.Title);
                checkedTitles++;
            }

            if (LeadingWords(file) is { } words)
            {
                Assert.True(detail.BodyHtml.Contains(words, StringComparison.Ordinal), $"{path}: the body HTML does not contain '{words}'");
                checkedBodies++;
            }

            Assert.StartsWith("<", detail.BodyHtml.TrimStart());
        }

        Assert.True(checkedTitles > sample.Count / 2, $"only {checkedTitles} of {sample.Count} titles checked");
        Assert.True(checkedBodies > sample.Count / 2, $"only {checkedBodies} of {sample.Count} bodies checked");
    }

    [Fact]
    public async Task Corpus_SearchWithAMinisterFilter_CountsFacetsExactly()
    {
        await store.IngestAsync();
        var request = new SearchRequest { Query = "government", Ministers = ["steven-joyce"], FacetLimit = 1000 };
        var result = await store.SearchAsync(request);
        Assert.True(result.Total > 0);

        // Each minister's count is what that minister alone would give (drill sideways) ...
        foreach (var value in result.Facets.Ministers)
        {
            Assert.Equal((await store.SearchAsync(request with { Ministers = [value.Slug] })).Total, value.Count);
        }

        // ... and the portfolio counts are those of the hits, straight from the store.
        var ids = new List<int>();
        for (var page = 1; page <= result.PageCount; page++)
        {
            ids.AddRange((await store.SearchAsync(request with { Page = page, PageSize = 100 })).Items.Select(h => h.Id));
        }

        await using var db = store.NewDb();
        var portfolios = await db.ReleasePortfolios.Where(l => ids.Contains(l.ReleaseId))
            .GroupBy(l => l.Portfolio.Slug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(portfolios, result.Facets.Portfolios.ToDictionary(v => v.Slug, v => v.Count));
    }

    /// <summary>
    /// The permalink slug a release's url gives: its last segment, lower-cased, kept as it is when it is
    /// already URL-safe (beehive's own slug, "--" and all), else reduced to a slug by the test's own rule.
    /// </summary>
    private static string SlugFromUrl(string url)
    {
        var segment = Uri.UnescapeDataString(new Uri(url).AbsolutePath.TrimEnd('/').Split('/')[^1]).ToLowerInvariant();
        return UrlSafe().IsMatch(segment) ? segment : SimpleFrontMatter.KeyOf(segment);
    }

    /// <summary>The first run of plain words (three or more) that opens a body line, or null.</summary>
    private static string? LeadingWords(SimpleFrontMatter file)
    {
        foreach (var line in file.BodyLines)
        {
            var match = PlainWords().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value.TrimEnd();
            }
        }

        return null;
    }

    [GeneratedRegex(@"^((?:[A-Za-z]+ ){3,}[A-Za-z]+)")]
    private static partial Regex PlainWords();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex UrlSafe();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();
}

public sealed class CorpusIngestOnSqliteTests() : CorpusIngestTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class CorpusIngestOnPostgreSqlTests() : CorpusIngestTests(StoreProvider.PostgreSql);
