using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Suggestions;

/// <summary>
/// "Did you mean" on a hand-written corpus whose word counts the test sets: "geothermal" in 30 releases,
/// "energy" in 30, "moral" in 10 and "mural" in 2 (one edit apart, but only 5 times as frequent), "kakapo"
/// in 1 (nothing near it), and the minister Jacinda Ardern named in 25 releases and one release about
/// Arden (a place).
/// </summary>
public sealed class SpellingSuggestionTests : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync();
        for (var i = 0; i < 30; i++)
        {
            store.Source.Write($"geo-{i}.md", $"Geothermal plant {i}", body: $"The geothermal energy plant number {i} opened.");
        }

        for (var i = 0; i < 10; i++)
        {
            store.Source.Write($"moral-{i}.md", $"Values report {i}", body: "A moral question for the community.");
        }

        for (var i = 0; i < 2; i++)
        {
            store.Source.Write($"mural-{i}.md", $"Art grant {i}", body: "A mural for the town hall.");
        }

        store.Source.Write("kakapo.md", "Bird recovery", body: "The kakapo breeding season went well.");
        for (var i = 0; i < 25; i++)
        {
            store.Source.Write($"pm-{i}.md", $"Statement {i}", ministers: ["Rt Hon Jacinda Ardern"], portfolios: ["Prime Minister"], body: $"Prime Minister Jacinda Ardern spoke about item {i}.");
        }

        store.Source.Write("arden.md", "Village fair", body: "The Arden village fair returns.");
        var report = await store.IngestAsync();
        Assert.Equal(30 + 10 + 2 + 1 + 25 + 1, report.Added);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<string?> DidYouMean(string? query) => (await store.SearchAsync(query)).DidYouMean;

    [Theory]
    [InlineData("geotermal", "geothermal")] // one letter missing; "geothermal" is in 30 releases, "geotermal" in none
    [InlineData("Geotermal", "Geothermal")] // written as the user wrote it
    [InlineData("geothermall enrgy", "geothermal energy")]
    public async Task AMisspelledWord_IsReplacedByTheFrequentWordItIsCloseTo(string query, string expected) =>
        Assert.Equal(expected, await DidYouMean(query));

    [Theory]
    [InlineData("geothermal")]
    [InlineData("geothermal energy")]
    [InlineData("moral")]
    [InlineData("jacinda ardern")]
    public async Task CommonWords_GetNoSuggestion(string query) => Assert.Null(await DidYouMean(query));

    [Fact]
    public async Task ARareRealWord_IsNotCorrected()
    {
        // "kakapo": in one release, with no word near it.
        Assert.Null(await DidYouMean("kakapo"));

        // "mural": in two releases; "moral" (one edit away) is only five times as frequent, not twenty.
        Assert.Null(await DidYouMean("mural"));
        Assert.Equal(2, (await store.SearchAsync("mural")).Total);
    }

    [Fact]
    public async Task TheRestOfTheQuery_SurvivesTheCorrection()
    {
        // The title: word and the phrase are corrected in place; the exclusion, the filters, quotes,
        // OR and the prefix are left exactly as typed.
        const string query = "title:geotermal \"geotermal enrgy\" OR plnt* -geotermal minister:ardern portfolio:\"Prime Minister\"";
        const string expected = "title:geothermal \"geothermal energy\" OR plnt* -geotermal minister:ardern portfolio:\"Prime Minister\"";
        Assert.Equal(expected, await DidYouMean(query));
    }

    [Fact]
    public async Task AMinisterName_IsCorrectedWordByWord_EvenWhenTheQueryFindsSomething()
    {
        var result = await store.SearchAsync("jacinda arden");

        // "arden" is a real word here (the village release), so releases are found (those with either
        // word, as none has both) ...
        Assert.True(result.Total > 0);

        // ... but "Jacinda Ardern" is a minister, one edit away, named in 25 times as many releases.
        Assert.Equal("jacinda ardern", result.DidYouMean);
        Assert.Equal("Jacinda Ardern", await DidYouMean("Jacinda Arden"));
    }

    [Fact]
    public async Task NothingToCorrect_GivesNull()
    {
        Assert.Null(await DidYouMean(null));
        Assert.Null(await DidYouMean("   "));
        Assert.Null(await DidYouMean("minister:ardern"));
        Assert.Null(await DidYouMean("geo*"));
        Assert.Null(await DidYouMean("2019"));
    }
}
