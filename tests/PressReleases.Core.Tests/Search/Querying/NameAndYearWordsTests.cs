using PressReleases.Core.Search;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Querying;

/// <summary>
/// Words of a free query that name a minister or a year match as words or as that minister's or year's
/// releases, which rank higher; the result lists them so a page can offer them as filters.
/// </summary>
public sealed class NameAndYearWordsTests : SampleSearchTestBase
{
    private static IEnumerable<string> ByJohnKey =>
        SampleReleases.All.Where(r => r.Value.Ministers.Any(m => m.EndsWith("John Key", StringComparison.Ordinal))).Select(r => r.Key);

    [Fact]
    public async Task MinistersFullName_MatchesTheirReleases_EvenWhenTheTextNeverNamesThem()
    {
        Assert.Empty(SampleReleases.Containing("john", "key"));
        var expected = Sorted(ByJohnKey.Intersect(SampleReleases.Containing("trade")));
        Assert.NotEmpty(expected);

        var result = await SearchAsync(new SearchRequest { Query = "John Key trade", Sort = SearchSort.Newest, PageSize = SearchRequest.MaxPageSize });

        Assert.Equal(expected, Sorted(result.Items.Select(h => h.Slug)));
        var reading = Assert.Single(result.Readings);
        Assert.Equal(new QueryReading("John Key", "john-key", "John Key", null, "trade"), reading);
        Assert.Equal("all of: \"John Key\" (or by John Key), trade", result.InterpretedAs);
    }

    [Fact]
    public async Task AYear_MatchesThatYearsReleases_AndTheWordWhereverItStands()
    {
        var expected = Sorted(SampleReleases.Containing("trade").Where(slug => SampleReleases.DateOf(slug)?.Year == 2014));
        Assert.NotEmpty(expected);
        Assert.Empty(SampleReleases.Containing("2014"));

        var result = await SearchAsync(new SearchRequest { Query = "trade 2014", Sort = SearchSort.Newest, PageSize = SearchRequest.MaxPageSize });

        Assert.Equal(expected, Sorted(result.Items.Select(h => h.Slug)));
        Assert.Equal(new QueryReading("2014", null, null, 2014, "trade"), Assert.Single(result.Readings));
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2019)]
    public async Task TheNamedYearsReleases_RankAboveOthersWithTheSameWords(int year)
    {
        // Two releases say "officials", one from 2014 and one from 2019: whichever year is named comes first.
        var withWord = SampleReleases.Containing("officials");
        Assert.Equal([2014, 2019], withWord.Select(slug => SampleReleases.DateOf(slug)!.Value.Year).Order());

        var result = await SearchAsync($"officials {year}");

        Assert.Equal(year, SampleReleases.DateOf(result.Items[0].Slug)?.Year);
    }

    [Theory]
    [InlineData("1989 trade")]
    [InlineData("trade 20145")]
    [InlineData("-2014 trade")]
    [InlineData("title:2014 trade")]
    [InlineData("\"john key\" trade")]
    public async Task OtherNumbersAndNonPlainWords_AreNotRead(string query) =>
        Assert.Empty((await SearchAsync(query)).Readings);

    [Fact]
    public async Task ASurnameAlone_IsReadOnlyWhenItIsMostlyThatMinistersName()
    {
        // Carter's releases all say "Carter"; "key" is also an everyday word in many other releases.
        await using var store = await TestStore.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            store.Source.Write($"carter-{i}.md", $"Roads update {i}", ministers: ["Hon Ben Carter"], body: $"Minister Ben Carter opened road {i}.");
            store.Source.Write($"key-{i}.md", $"Ports update {i}", ministers: ["Hon Sam Key"], body: $"Minister Sam Key opened port {i}.");
        }

        for (var i = 0; i < 20; i++)
        {
            store.Source.Write($"other-{i}.md", $"Schools update {i}", ministers: ["Hon Ann Other"], body: $"A key decision on roads and ports, number {i}.");
        }

        await store.IngestAsync();

        var carter = await store.SearchAsync("carter roads");
        Assert.Equal("ben-carter", Assert.Single(carter.Readings).MinisterSlug);
        Assert.Empty((await store.SearchAsync("key ports")).Readings);

        // Without the index to tell them apart, only whole names are read.
        var parser = new UserQueryParser(new PressReleases.Core.Search.Analysis.ReleaseAnalyzer());
        var (ministers, portfolios) = await store.Catalog.NamesAsync();
        Assert.Empty(parser.Parse("carter roads", ministers, portfolios).Readings);
        Assert.Single(parser.Parse("ben carter roads", ministers, portfolios).Readings);
    }
}
