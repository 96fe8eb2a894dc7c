using System.Text.RegularExpressions;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Suggestions;

/// <summary>
/// Related releases on a hand-written corpus: a release about kiwifruit exports to Korea, an exact copy of
/// its body under another title, a re-publication (same title and date), a release that shares many of its
/// distinctive words, one that shares a single one, and filler releases about other things.
/// </summary>
public sealed partial class RelatedReleasesTests : IAsyncLifetime
{
    private const string SourceBody =
        "Kiwifruit exporters will gain from lower tariffs in Korea. Kiwifruit growers and orchard owners in the Bay of Plenty " +
        "welcomed the tariff cuts. Korea is a growing market for kiwifruit, and orchard returns should rise as tariffs fall.";

    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync();
        store.Source.Write("kiwi.md", "Kiwifruit tariffs cut in Korea", date: "2015-03-01", body: SourceBody);
        store.Source.Write("copy.md", "Tariff news for growers", date: "2015-03-02", body: SourceBody);
        store.Source.Write("republished.md", "Kiwifruit tariffs cut in Korea", date: "2015-03-01",
            body: SourceBody + " This statement was issued again.");
        store.Source.Write("many.md", "Kiwifruit orchard growers expect tariff relief", date: "2016-01-01",
            body: "Orchard growers of kiwifruit expect tariff relief. Kiwifruit exporters say tariffs in Korea and elsewhere hurt orchard returns.");
        store.Source.Write("few.md", "Korea visit", date: "2016-02-02",
            body: "The minister will visit Korea next week for talks on education and culture. The visit to Korea follows a visit last year.");
        store.Source.Write("empty-body.md", "Kiwifruit orchard growers meet", date: "2016-03-03", body: "");
        for (var i = 0; i < 8; i++)
        {
            store.Source.Write($"filler-{i}.md", $"Road safety campaign {i}", date: "2017-01-01",
                body: $"The road safety campaign {i} asks drivers to slow down. Drivers and road users should take care on rural roads.");
        }

        var report = await store.IngestAsync();
        Assert.True(report.Rejected == 0, string.Join("; ", report.Problems.Select(p => p.ToString())));
        Assert.Equal(14, report.Added);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<List<string>> RelatedSlugs(string slug, int count = 5) =>
        (await store.Search.RelatedAsync(slug, count)).Select(r => r.Slug).ToList();

    [Fact]
    public async Task AReleaseIngestedLater_IsRelated_ByTheSameServiceThatListedTheReleasesBefore()
    {
        // One service throughout, as the site has: its lists are kept per index reader, and an ingest makes a new reader.
        var search = store.Search;
        var before = (await search.RelatedAsync("kiwi", 20)).Select(r => r.Slug).ToList();
        store.Source.Write("later.md", "Kiwifruit tariffs in Korea fall again", date: "2018-05-05",
            body: "Kiwifruit exporters and orchard growers gain again as tariffs in Korea fall. Orchard returns from kiwifruit in Korea keep rising.");

        await store.IngestAsync();
        var after = (await search.RelatedAsync("kiwi", 20)).Select(r => r.Slug).ToList();

        Assert.DoesNotContain("later", before);
        Assert.Contains("later", after);
    }

    [Fact]
    public async Task LeavesOutItself_ItsDuplicateBody_AndItsRepublication()
    {
        var related = await RelatedSlugs("kiwi", 20);

        Assert.DoesNotContain("kiwi", related);
        Assert.DoesNotContain("copy", related);
        Assert.DoesNotContain("republished", related);
        Assert.Contains("many", related);
    }

    [Fact]
    public async Task ARelease_SharingManyDistinctiveWords_RanksAboveOneSharingFew()
    {
        var related = await RelatedSlugs("kiwi", 20);

        Assert.Contains("few", related);
        Assert.True(related.IndexOf("many") < related.IndexOf("few"), string.Join(", ", related));
        Assert.DoesNotContain(related, s => s.StartsWith("filler-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResultsCarryTitleAndDate_AndTheCountIsABound()
    {
        var related = await store.Search.RelatedAsync("kiwi", 1);

        var only = Assert.Single(related);
        Assert.Equal("many", only.Slug);
        Assert.Equal("Kiwifruit orchard growers expect tariff relief", only.Title);
        Assert.Equal(new DateOnly(2016, 1, 1), only.Date);
        Assert.Empty(await store.Search.RelatedAsync("kiwi", 0));
    }

    [Fact]
    public async Task AReleaseWithAnEmptyBody_UsesItsTitle()
    {
        var related = await RelatedSlugs("empty-body");

        // "kiwifruit", "orchard" and "growers" are in its title; the releases about kiwifruit share them.
        Assert.NotEmpty(related);
        Assert.DoesNotContain("empty-body", related);
        Assert.Contains("many", related);
        Assert.DoesNotContain(related, s => s.StartsWith("filler-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownSlug_GivesNothing()
    {
        Assert.Empty(await RelatedSlugs("no-such-release"));
        Assert.Empty(await RelatedSlugs(""));
    }

    [Fact]
    public void BodyHash_IgnoresSpacingAndCase_AndEmptyBodiesHaveNone()
    {
        Assert.Equal(IndexFields.BodyHashOf("A  body\ntext "), IndexFields.BodyHashOf("a body text"));
        Assert.NotEqual(IndexFields.BodyHashOf("a body text"), IndexFields.BodyHashOf("a body text."));
        Assert.Null(IndexFields.BodyHashOf(""));
        Assert.Null(IndexFields.BodyHashOf(" \n "));
    }
}

/// <summary>Related releases among the 213 seed releases, checked against words the test counts itself.</summary>
public sealed partial class SeedsRelatedReleasesTests : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync();
        await store.IngestAsync(RepoPaths.RequireSeedsFolder());
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ReleasesAboutJapan_AreRelatedToOtherReleasesAboutJapan_SharingSignificantWords()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slug in await store.SlugsFoundAsync(null))
        {
            var release = (await store.Catalog.FindAsync(slug))!;
            texts[slug] = release.Title + "\n" + release.BodyText;
        }

        // The test's own reading: words of four or more letters, and how many releases have each.
        var wordsOf = texts.ToDictionary(t => t.Key, t => Words(t.Value));
        var docFreq = wordsOf.Values.SelectMany(w => w).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        bool Significant(string word) => docFreq[word] <= texts.Count / 10;

        var japanTitled = (await store.SlugsFoundAsync("title:japan")).Order(StringComparer.Ordinal).ToList();
        Assert.True(japanTitled.Count >= 3, $"the seeds have {japanTitled.Count} releases with Japan in the title");
        var withJapan = new List<string>();
        foreach (var slug in japanTitled)
        {
            var related = await store.Search.RelatedAsync(slug);
            Assert.NotEmpty(related);
            Assert.DoesNotContain(related, r => r.Slug == slug);
            Assert.Equal(related.Count, related.Select(r => r.Slug).Distinct().Count());

            var significant = wordsOf[slug].Where(Significant).ToHashSet();
            foreach (var item in related)
            {
                Assert.True(wordsOf[item.Slug].Overlaps(significant), $"{item.Slug} shares no significant word with {slug}");
            }

            if (related.Any(r => wordsOf[r.Slug].Contains("japan") || wordsOf[r.Slug].Contains("japanese")))
            {
                withJapan.Add(slug);
            }
        }

        // Most of them have another release about Japan among their related ones (a release about, say,
        // geothermal cooperation with Japan may rightly be related to other geothermal releases instead).
        Assert.True(withJapan.Count * 2 > japanTitled.Count, $"only {withJapan.Count} of {japanTitled.Count} Japan releases have a related release mentioning Japan");
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(SampleReleases.Fold(text).ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    [GeneratedRegex("[a-z]{4,}")]
    private static partial Regex WordPattern();
}
