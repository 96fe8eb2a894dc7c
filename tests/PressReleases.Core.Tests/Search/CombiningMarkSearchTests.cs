using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>
/// Words written with combining marks (as a few real releases write "Ngāti Pāhauwera": "a" then U+0304) are found by
/// the same searches as their precomposed spelling, and their snippets mark the words as written.
/// </summary>
public sealed class CombiningMarkSearchTests : IAsyncLifetime
{
    private const string Decomposed = "Nga\u0304ti Pa\u0304hauwera";
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync();
        store.Source.Write("2020/03/decomposed.md", "Council named", body: $"**Ms Tania Hodges**, {Decomposed}, joins the M\u0101ori council.");
        store.Source.Write("2020/03/precomposed.md", "Other council named", body: "Ngāti Ranginui members join the Māori council.");
        store.Source.Write("2020/03/unrelated.md", "Roads funded", body: "New roads are funded.");
        Assert.Equal(3, (await store.IngestAsync()).Added);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Theory]
    [InlineData("Pāhauwera")]
    [InlineData("pahauwera")]
    [InlineData("Pa\u0304hauwera")]
    [InlineData("\"Ngāti Pāhauwera\"")]
    [InlineData("pāhau*")]
    public async Task DecomposedWords_AreFoundByEverySpelling(string query)
    {
        var found = await store.SlugsFoundAsync(query);
        Assert.Equal(["decomposed"], found);
    }

    [Fact]
    public async Task AWordWrittenBothWays_FindsBothReleases()
    {
        var found = (await store.SlugsFoundAsync("ngāti")).Order(StringComparer.Ordinal);
        Assert.Equal(["decomposed", "precomposed"], found);
    }

    [Fact]
    public async Task TheSnippet_MarksTheDecomposedWordAsWritten()
    {
        var hit = Assert.Single((await store.SearchAsync("pahauwera")).Items);
        Assert.Contains("<mark>Pa\u0304hauwera</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }
}
