using System.Text.RegularExpressions;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>What the query box understands, against <see cref="SampleReleases"/>.</summary>
public sealed class SearchQueryTests : SampleSearchTestBase
{
    private static List<string> WithWordStarting(string prefix, bool titleOnly = false) =>
        SampleReleases.All
            .Where(r => Regex.IsMatch(SampleReleases.Fold(titleOnly ? r.Value.Title : r.Value.Title + "\n" + r.Value.Body), $@"\b{prefix}\w*", RegexOptions.IgnoreCase))
            .Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

    private static List<string> NamingMinister(string name) =>
        SampleReleases.All.Where(r => r.Value.Ministers.Any(m => m.EndsWith(name, StringComparison.Ordinal))).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

    private static List<string> InPortfolio(params string[] names) =>
        SampleReleases.All.Where(r => r.Value.Portfolios.Any(p => names.Contains(SampleReleases.Fold(p)))).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("japan")]
    [InlineData("trade")]
    [InlineData("health")]
    [InlineData("officials")]
    [InlineData("tourism")]
    [InlineData("sendai")]
    public async Task PlainWord_FindsEveryReleaseContainingIt(string word)
    {
        var expected = SampleReleases.Containing(word);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FoundAsync(word));
    }

    [Fact]
    public async Task Words_AreCaseInsensitive() =>
        Assert.Equal(await FoundAsync("japan"), await FoundAsync("JAPAN"));

    [Theory]
    [InlineData("trade japan")]
    [InlineData("health new")]
    [InlineData("tourism trade")]
    [InlineData("officials china")]
    public async Task SeveralWords_ReleasesWithAllOfThemComeFirst_AndInDateOrderOnlyThey(string query)
    {
        var words = query.Split(' ');
        var expected = SampleReleases.Containing(words);
        Assert.NotEmpty(expected);
        Assert.All(words, w => Assert.NotEqual(expected, SampleReleases.Containing(w))); // each word alone finds more

        // Few releases here have both words, so those with one of them follow (MostWordsTests); in date order
        // they could not come after, so only the releases with every word are listed.
        Assert.Equal(expected, await FoundAsync(query, new SearchRequest { Sort = SearchSort.Newest }));
        var ranked = await SearchAsync(query);
        Assert.Equal(expected.Count, ranked.Words?.AllWordsTotal);
        Assert.Equal(expected, Sorted(ranked.Items.Take(expected.Count).Select(h => h.Slug)));
        Assert.All(ranked.Items.Skip(expected.Count), hit => Assert.NotEmpty(hit.MissingWords));
    }

    [Fact]
    public async Task AWordNoReleaseHas_FindsNothing_UnlessAnyWordFallbackApplies()
    {
        // One word alone: nothing to widen.
        Assert.Equal(0, (await SearchAsync("zeppelin")).Total);

        // Two words no release has together: the releases with either are shown instead, and say so.
        var result = await SearchAsync("japan zeppelin");
        Assert.True(result.MatchedAnyWord);
        Assert.Equal(SampleReleases.Containing("japan"), Sorted(result.Items.Select(h => h.Slug)));
    }

    [Fact]
    public async Task QuotedPhrase_MatchesWordsInThatOrderOnly()
    {
        // "Trade talks with Japan" holds "trade talks"; no release has "talks trade".
        Assert.Equal(["japan-trade"], await FoundAsync("\"trade talks\""));
        Assert.Empty(await FoundAsync("\"talks trade\""));
        Assert.Equal(SampleReleases.Containing("talks", "trade"), await FoundAsync("talks trade", new SearchRequest { Sort = SearchSort.Newest }));

        // "Health spending rises" vs the words apart.
        Assert.Equal(["budget-health"], await FoundAsync("\"health spending\""));
        Assert.Empty(await FoundAsync("\"spending health\""));
    }

    [Fact]
    public async Task MinusWord_ExcludesReleasesContainingIt()
    {
        var expected = SampleReleases.Containing("japan").Except(SampleReleases.Containing("earthquake")).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FoundAsync("japan -earthquake"));
    }

    [Fact]
    public async Task OnlyExclusions_ListEverythingElse()
    {
        var expected = AllSlugs.Except(SampleReleases.Containing("japan")).ToList();
        Assert.Equal(expected, await FoundAsync("-japan"));
    }

    [Fact]
    public async Task Or_JoinsAlternatives()
    {
        var tokyoOrBeijing = Sorted(SampleReleases.Containing("tokyo").Concat(SampleReleases.Containing("beijing")));
        Assert.Equal(2, tokyoOrBeijing.Count);
        Assert.Equal(tokyoOrBeijing, await FoundAsync("tokyo OR beijing"));

        // The other words still all have to match.
        var withTourism = tokyoOrBeijing.Intersect(SampleReleases.Containing("tourism")).ToList();
        Assert.Equal(withTourism, await FoundAsync("tokyo OR beijing tourism"));
        Assert.NotEqual(tokyoOrBeijing, withTourism);

        // Lower-case "or" is a word (a stop word), not the operator: both words are required, and as no
        // release has both, the result is the any-word fallback (which says so), not an OR.
        var lowerOr = await SearchAsync("tokyo or beijing");
        Assert.True(lowerOr.MatchedAnyWord);
        Assert.Empty(SampleReleases.Containing("tokyo", "beijing"));
    }

    [Theory]
    [InlineData("japa")]
    [InlineData("tour")]
    [InlineData("offic")]
    [InlineData("earthq")]
    public async Task Prefix_FindsWordsStartingWithIt(string prefix)
    {
        var expected = WithWordStarting(prefix);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FoundAsync(prefix + "*"));
    }

    [Theory]
    [InlineData("cooperat")]
    [InlineData("educati")]
    public async Task Prefix_FindsWordsWhoseStemIsShorterThanThePrefix(string prefix)
    {
        var expected = WithWordStarting(prefix);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FoundAsync(prefix + "*"));
    }

    [Fact]
    public async Task TitleField_LimitsAWordToTitles()
    {
        var anywhere = SampleReleases.Containing("china");
        var inTitle = SampleReleases.All.Where(r => SampleReleases.HasWord(r.Value.Title, "china")).Select(r => r.Key).ToList();
        Assert.NotEqual(anywhere, inTitle);
        Assert.Equal(anywhere, await FoundAsync("china"));
        Assert.Equal(inTitle, await FoundAsync("title:china"));
        Assert.Equal(inTitle, await FoundAsync("TITLE:China"));
    }

    [Fact]
    public async Task TitleField_TakesPhrasesAndPrefixes()
    {
        Assert.Equal(["japan-trade"], await FoundAsync("title:\"trade talks\""));
        Assert.Equal(WithWordStarting("japa", titleOnly: true), await FoundAsync("title:japa*"));
    }

    [Theory]
    [InlineData("minister:john-key")]
    [InlineData("minister:key")]
    [InlineData("minister:\"John Key\"")]
    [InlineData("minister:\"Hon John Key\"")]
    public async Task MinisterField_AcceptsASlugOrWordsOfTheName(string query)
    {
        var expected = NamingMinister("John Key");
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, await FoundAsync(query));
        Assert.Contains("John Key", (await SearchAsync(query)).InterpretedAs);
    }

    [Fact]
    public async Task MinisterField_CombinesWithWordsAndExclusion()
    {
        Assert.Equal(NamingMinister("Murray McCully"), await FoundAsync("japan minister:mccully"));
        Assert.Equal(AllSlugs.Except(NamingMinister("John Key")).ToList(), await FoundAsync("-minister:john-key"));
    }

    [Fact]
    public async Task FieldClauses_JoinWithOr()
    {
        var expected = Sorted(NamingMinister("John Key").Concat(NamingMinister("Tony Ryall")));
        Assert.Equal(expected, await FoundAsync("minister:john-key OR minister:tony-ryall"));
        Assert.Equal(Sorted(InPortfolio("Trade").Concat(InPortfolio("Health"))), await FoundAsync("portfolio:trade OR portfolio:health"));
    }

    [Fact]
    public async Task MinisterField_UnknownNameFindsNothingAndSaysSo()
    {
        var result = await SearchAsync("minister:nobody");
        Assert.Equal(0, result.Total);
        Assert.Contains("no minister is called 'nobody'", result.InterpretedAs);
    }

    [Theory]
    [InlineData("portfolio:maori-affairs")]
    [InlineData("portfolio:\"Māori Affairs\"")]
    [InlineData("portfolio:\"Maori Affairs\"")]
    public async Task PortfolioField_AcceptsSlugOrName(string query) =>
        Assert.Equal(InPortfolio("Maori Affairs"), await FoundAsync(query));

    [Fact]
    public async Task PortfolioField_WithOneWordMatchesEveryPortfolioNamedWithIt()
    {
        var expected = InPortfolio("Maori Affairs", "Foreign Affairs", "Commerce and Consumer Affairs");
        Assert.Equal(expected, await FoundAsync("portfolio:affairs"));
    }

    [Fact]
    public async Task Diacritics_AreFolded()
    {
        var expected = SampleReleases.Containing("maori");
        Assert.Equal(2, expected.Count);
        foreach (var query in new[] { "maori", "Māori", "MĀORI", "Maori" })
        {
            Assert.Equal(expected, await FoundAsync(query));
        }
    }

    [Fact]
    public async Task Stemming_MatchesOtherFormsOfAWord()
    {
        // "cooperation" (japan-trade) and "cooperating" (maori-education) share a stem.
        Assert.Equal(["japan-trade", "maori-education"], await FoundAsync("cooperating"));
        Assert.Equal(["japan-trade", "maori-education"], await FoundAsync("cooperation"));
        Assert.Equal(["japan-earthquake"], await FoundAsync("earthquakes"));
        Assert.Equal(["maori-health"], await FoundAsync("funded"));
    }

    [Fact]
    public async Task Possessives_MatchTheWord()
    {
        // "New Zealand’s thoughts" and "New Zealand's digital future".
        var expected = SampleReleases.Containing("zealand");
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await FoundAsync("zealand"));
        Assert.Equal(expected, await FoundAsync("Zealand's"));
        Assert.Equal(expected, await FoundAsync("Zealand’s"));
    }

    [Theory]
    [InlineData("\"trade talks", "\"trade talks\"", "quote was not closed")]
    [InlineData("japan)", "japan", "parentheses")]
    [InlineData("(japan", "japan", "parentheses")]
    [InlineData("*japan", "japan", null)]
    public async Task MalformedSyntax_IsReadAsWellAsItCanBe(string query, string sameAs, string? note)
    {
        var result = await SearchAsync(query);
        var expected = await FoundAsync(sameAs);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FoundAsync(query));
        if (note is not null)
        {
            Assert.Contains(note, result.InterpretedAs);
        }
    }

    [Theory]
    [InlineData("(", "parentheses")]
    [InlineData(")", "parentheses")]
    [InlineData("-", "'-' with nothing after it")]
    [InlineData("*", "prefix needs at least two letters")]
    [InlineData("j*", "prefix needs at least two letters")]
    [InlineData("title:", "'title:' with nothing after it")]
    [InlineData("minister:", "'minister:' with nothing after it")]
    [InlineData("\"", "quote was not closed")]
    [InlineData("\"unbalanced", "quote was not closed")]
    [InlineData("OR", "nothing searchable")]
    [InlineData("the", "too common")]
    [InlineData("- ( * title: \"", "nothing searchable")]
    public async Task MalformedSyntax_NeverThrows_AndSaysHowItWasRead(string query, string note)
    {
        var result = await SearchAsync(query);

        Assert.NotNull(result.InterpretedAs);
        Assert.Contains(note, result.InterpretedAs);
        var expectedTotal = query == "\"unbalanced" ? (await SearchAsync("unbalanced")).Total : SampleReleases.All.Count;
        Assert.Equal(expectedTotal, result.Total);
    }

    [Fact]
    public async Task OverlongQuery_IsCutAndSaysSo()
    {
        var query = "japan " + string.Concat(Enumerable.Repeat("x", SearchRequest.MaxQueryLength));
        var result = await SearchAsync(query);
        Assert.Contains("cut to its first", result.InterpretedAs);
    }

    [Fact]
    public async Task TooManyTerms_AreCutAndSaysSo()
    {
        var query = string.Join(" OR ", Enumerable.Repeat("japan", 40));
        var result = await SearchAsync(query);
        Assert.Contains("only the first", result.InterpretedAs);
        Assert.Equal(SampleReleases.Containing("japan").Count, result.Total);
    }

    [Fact]
    public async Task InterpretedAs_DescribesWhatWasSearched()
    {
        var result = await SearchAsync("japan -earthquake tokyo OR beijing");
        Assert.Contains("all of:", result.InterpretedAs);
        Assert.Contains("japan", result.InterpretedAs);
        Assert.Contains("none of: earthquake", result.InterpretedAs);
        Assert.Contains("tokyo or beijing", result.InterpretedAs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoQuery_ListsEverything(string? query)
    {
        var result = await SearchAsync(query);
        Assert.Equal(SampleReleases.All.Count, result.Total);
        Assert.Null(result.InterpretedAs);
    }
}
