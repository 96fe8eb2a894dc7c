using Lucene.Net.Search;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Collecting;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Collecting;

public class ProximityRescorerTests
{
    private static readonly Dictionary<string, string> NoNames = [];

    [Fact]
    public async Task Rescoring_RanksAsOneQueryHoldingTheBoosts_WhenTheHitsFitTheWindow()
    {
        using var temp = new TempDirectory();
        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        var filler = new[] { "budget", "roads", "health", "harbour", "rates", "library" };
        using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 60; i++)
            {
                // Every release has both words; how close they stand, how often, and whether the title has them varies.
                var gap = string.Join(' ', Enumerable.Repeat(filler[i % filler.Length], i % 7));
                var body = $"School {gap} funding. " + string.Join(' ', Enumerable.Repeat("More school news.", i % 4));
                var title = (i % 5) switch { 0 => "School funding", 1 => "Funding for a school", 2 => "School news", _ => "An update" };
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", title, null, $"https://example.org/{i}", body, [], []));
                if (i == 30)
                {
                    session.Commit(1);
                }
            }

            session.Commit(2);
        }
        var parsed = new UserQueryParser(index.Analyzer).Parse("school funding", NoNames, NoNames);
        Assert.NotNull(parsed.Query);
        Assert.NotNull(parsed.Proximity);

        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        var combined = new BooleanQuery { { parsed.Query, Occur.MUST }, { parsed.Proximity, Occur.SHOULD } };
        var expected = searcher.Search(combined, 100).ScoreDocs;

        var rescored = searcher.Search(parsed.Query, 100).ScoreDocs;
        var before = rescored.Select(d => d.Doc).ToList();
        ProximityRescorer.Rescore(searcher, parsed.Proximity, rescored);

        Assert.Equal(60, expected.Length);
        Assert.NotEqual(before, rescored.Select(d => d.Doc));
        Assert.Equal(expected.Select(d => d.Doc), rescored.Select(d => d.Doc));
        Assert.All(expected.Zip(rescored), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
    }

    [Fact]
    public async Task Pages_BeyondTheWindow_NeitherRepeatNorSkipHits_AndMatchTheExportOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var count = ProximityRescorer.Window + 150;
        using (var session = await store.Index.BeginWriteAsync())
        {
            for (var i = 0; i < count; i++)
            {
                var body = i % 3 == 0 ? "Harbour dredging starts. The harbour needs dredging." : $"Dredging report {i}. Work on the harbour continues.";
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", i % 10 == 0 ? "Harbour dredging" : $"Report {i}", null, $"https://example.org/{i}", body, [], []));
            }

            session.Commit(1);
        }

        var listed = await store.SlugsFoundAsync("harbour dredging");
        var exported = new List<string>();
        await foreach (var release in store.Search.ExportAsync(new SearchRequest { Query = "harbour dredging" }))
        {
            exported.Add(release.Slug);
        }

        Assert.Equal(count, listed.Count);
        Assert.Equal(count, listed.Distinct().Count());
        Assert.Equal(listed, exported);
        // The boosted releases (title and body with the words side by side) lead the list.
        Assert.All(listed.Take(count / 10), slug => Assert.Equal(0, int.Parse(slug[1..], System.Globalization.CultureInfo.InvariantCulture) % 10));
    }
}
