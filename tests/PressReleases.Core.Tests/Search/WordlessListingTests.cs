using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>
/// A listing without words answered from its kept pass (<see cref="ReaderCache{TKey, TValue}"/>) is the listing a fresh pass gives,
/// page by page, facets included, and a change to the index is seen at once.
/// </summary>
public sealed class WordlessListingTests : SampleSearchTestBase
{
    /// <summary>Keeps every pass, however small the sample: each search after the first is answered from the kept one.</summary>
    private SearchService Keeping() => new(Store.Index, Store.Catalog) { Wordless = new ReaderCache<WordlessScope, ScopePass>(100) };

    /// <summary>Keeps nothing: every search runs its own pass.</summary>
    private SearchService Fresh() => new(Store.Index, Store.Catalog) { Wordless = new ReaderCache<WordlessScope, ScopePass>(100, _ => false) };

    public static TheoryData<string> Requests => new() { "all", "page 2", "page 3 of 4", "oldest", "minister", "portfolio and year", "withdrawn too" };

    private static SearchRequest Request(string name) => name switch
    {
        "all" => new SearchRequest { PageSize = 5 },
        "page 2" => new SearchRequest { PageSize = 5, Page = 2 },
        "page 3 of 4" => new SearchRequest { PageSize = 4, Page = 3 },
        "oldest" => new SearchRequest { PageSize = 5, Page = 2, Sort = SearchSort.Oldest },
        "minister" => new SearchRequest { Ministers = [MinisterNames.Normalize(SampleReleases.All.Values.SelectMany(r => r.Ministers).First()).Slug] },
        "portfolio and year" => new SearchRequest { Portfolios = ["trade"], From = new DateOnly(2000, 1, 1), To = new DateOnly(2030, 12, 31) },
        "withdrawn too" => new SearchRequest { Status = ReleaseStatus.All, PageSize = 3, Page = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task TheKeptPass_GivesWhatAFreshPassGives(string name)
    {
        var keeping = Keeping();
        var request = Request(name);
        await keeping.SearchAsync(new SearchRequest { PageSize = 1 } with { Ministers = request.Ministers, Portfolios = request.Portfolios, From = request.From, To = request.To, Status = request.Status, Sort = request.Sort });

        var kept = await keeping.SearchAsync(request);
        var fresh = await Fresh().SearchAsync(request);

        Assert.True(fresh.Items.Count > 0, $"{name}: the fresh listing is empty, so the comparison proves nothing");
        Assert.Equal(fresh.Total, kept.Total);
        Assert.Equal(fresh.Page, kept.Page);
        Assert.Equal(fresh.Items.Select(h => h.Slug), kept.Items.Select(h => h.Slug));
        Assert.Equal(fresh.Facets.Ministers, kept.Facets.Ministers);
        Assert.Equal(fresh.Facets.Portfolios, kept.Facets.Portfolios);
        Assert.Equal(fresh.Facets.Years, kept.Facets.Years);
    }

    [Fact]
    public async Task AReleaseAdded_IsListedFirst_ByTheSameServiceThatKeptTheListingBefore()
    {
        var keeping = Keeping();
        var before = await keeping.SearchAsync(new SearchRequest { FacetLimit = 1000 });
        Store.Source.Write("newest.md", "The newest release of all", date: "2031-05-01", ministers: ["Hon Jane Newest"], body: "Written after every other.");

        await Store.IngestAsync();
        var after = await keeping.SearchAsync(new SearchRequest { FacetLimit = 1000 });

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal("newest", after.Items[0].Slug);
        Assert.Contains(after.Facets.Ministers, m => m.Slug == "jane-newest" && m.Count == 1);
        Assert.Contains(after.Facets.Years, y => y.Year == 2031 && y.Count == 1);
    }
}
