using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Startup;

/// <summary>Two months of the real beehive export (../shared/corpus), copied to a temp folder and ingested at startup.</summary>
public sealed class RealCorpusFixture() : SiteFixture("corpus")
{
    public static readonly (int Year, int Month)[] Months = [(2014, 7), (2019, 3)];

    public IReadOnlyList<ReleaseFileInfo> Files { get; private set; } = [];

    protected override string PrepareSourceFolder()
    {
        var target = Path.Combine(TempPath, "releases");
        foreach (var (year, month) in Months)
        {
            var folder = RepoPaths.RequireCorpusMonth(year, month);
            var copy = Path.Combine(target, year.ToString("0000", CultureInfo.InvariantCulture), month.ToString("00", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        Files = ReleaseFileReader.ReadFolder(target);
        return target;
    }

    /// <summary>Every copied file that has a title, a date and a url.</summary>
    protected override int CountExpectedReleases() => Files.Count(f => f.HasRequiredFields);
}

[Trait(TestCategories.Key, TestCategories.Corpus)]
public sealed partial class RealCorpusIngestTests(RealCorpusFixture corpus) : IClassFixture<RealCorpusFixture>
{
    private HttpClient Client => corpus.Client;

    [Fact]
    public async Task EveryAcceptedFile_IsListed()
    {
        Assert.True(corpus.Files.Count >= 200, $"Only {corpus.Files.Count} files were copied from the corpus.");
        var all = await Client.GetAllReleasesAsync();
        Assert.Equal(corpus.Files.Count(f => f.HasRequiredFields), all.Count);
        Assert.Equal(
            corpus.Files.Where(f => f.HasRequiredFields).Select(f => (f.Url, f.Date)).Order(),
            all.Select(r => (r.Url, r.Date ?? "0001-01-01")).Order());

        var years = (await Client.GetReleaseListAsync()).Facets.Years;
        Assert.Equal(RealCorpusFixture.Months.Select(m => m.Year).Order(), years.Select(y => y.Year));
        foreach (var year in years)
        {
            Assert.Equal(corpus.Files.Count(f => f.HasRequiredFields && f.KnownDate?.Year == year.Year), year.Count);
        }
    }

    [Fact]
    public async Task MinisterFacetCounts_EqualTheFilesNamingEachMinister()
    {
        var byPerson = corpus.Files
            .Where(f => f.HasRequiredFields)
            .SelectMany(f => f.MinisterPeople.Select(p => (Person: Fold(p), File: f.FullPath)).Distinct())
            .GroupBy(x => x.Person)
            .Select(g => (Person: g.Key, Files: g.Count()))
            .OrderByDescending(x => x.Files)
            .ToList();

        var facets = (await Client.GetReleaseListAsync("facetLimit=200")).Facets.Ministers;
        foreach (var (person, files) in byPerson.Take(5))
        {
            var value = facets.SingleOrDefault(v => Fold(v.Name) == person);
            Assert.True(value is not null, $"No minister facet value for '{person}' ({files} files); facet: {string.Join(", ", facets.Take(10).Select(v => v.Name))}");
            Assert.True(files == value.Count, $"{files} files name {person}; the facet counts {value.Count}.");
            Assert.Equal(files, (await Client.GetReleaseListAsync($"minister={value.Slug}&pageSize=1")).Total);
        }
    }

    [Fact]
    public async Task ReleasePage_IsFoundAtItsBeehiveSlug()
    {
        var unique = corpus.Files.Where(f => f.HasRequiredFields).GroupBy(f => f.UrlSegment).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var candidates = unique.Where(f => SafeSlug().IsMatch(f.UrlSegment) && !f.Title.Contains('<') && !f.Title.Contains('&')).ToList();
        Assert.NotEmpty(candidates);

        foreach (var file in new[] { candidates[0], candidates[candidates.Count / 2], candidates[^1] })
        {
            var response = await Client.GetHtmlAsync($"/releases/{file.UrlSegment}");
            Assert.True(response.Status == HttpStatusCode.OK, $"/releases/{file.UrlSegment} ({file.FileName}) answered {(int)response.Status}");
            Assert.Equal(Collapse(file.Title), Collapse(response.Document.QuerySelector("article.release h1")!.TextContent));
            Assert.Equal(file.Date, response.Document.QuerySelector(".release__date time")?.GetAttribute("datetime"));
            Assert.Contains(response.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == file.Url);
        }
    }

    [Fact]
    public async Task SearchingTheWordsOfATitle_FindsItsRelease_OnTheFirstPage()
    {
        var file = corpus.Files.Where(f => f.HasRequiredFields).OrderByDescending(f => f.Title.Length).First();
        var words = string.Join(' ', Regex.Matches(file.Title, @"[\p{L}\p{N}]+").Select(m => m.Value));
        var list = await Client.GetReleaseListAsync("q=" + Uri.EscapeDataString(words));
        Assert.True(list.Items.Any(i => i.Url == file.Url), $"Searching '{words}' did not list {file.FileName} on the first page.");
    }

    private static string Collapse(string text) => Regex.Replace(text.Replace('\u00A0', ' '), @"\s+", " ").Trim();

    private static string Fold(string value)
    {
        var decomposed = value.Replace('’', '\'').Normalize(NormalizationForm.FormD);
        return string.Join(' ', new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SafeSlug();
}
