using Lucene.Net.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Tests.Search.Querying;

public class UserQueryParserTests
{
    private static readonly ReleaseAnalyzer Analyzer = new();
    private static readonly Dictionary<string, string> Ministers = new() { ["john-key"] = "John Key", ["jacinda-ardern"] = "Jacinda Ardern", ["john-banks"] = "John Banks" };
    private static readonly Dictionary<string, string> Portfolios = new() { ["maori-affairs"] = "Māori Affairs", ["finance"] = "Finance" };

    private readonly UserQueryParser parser = new(Analyzer);

    private ParsedQuery Parse(string? input) => parser.Parse(input, Ministers, Portfolios);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Blank_IsNoQuery(string? input)
    {
        var parsed = Parse(input);
        Assert.Null(parsed.Query);
        Assert.Null(parsed.InterpretedAs);
        Assert.Empty(parsed.HighlightTerms);
    }

    [Fact]
    public void HighlightTerms_AreTheAnalysedPositiveWords()
    {
        var parsed = Parse("Cooperating Māori -earthquake \"trade talks\" touri*");
        var expected = new[] { "Cooperating", "Māori", "trade", "talks" }.SelectMany(w => Analyzer.Terms(IndexFields.Body, w)).ToHashSet();
        Assert.Equal(expected, parsed.HighlightTerms.ToHashSet());
        Assert.Equal(["touri"], parsed.HighlightPrefixes);
    }

    [Fact]
    public void OnlyExclusions_MatchEverythingElse()
    {
        var query = Assert.IsType<BooleanQuery>(Parse("-japan").Query);
        Assert.Contains(query.Clauses, c => c.Occur == Occur.MUST && c.Query is MatchAllDocsQuery);
        Assert.Contains(query.Clauses, c => c.Occur == Occur.MUST_NOT);
    }

    [Theory]
    [InlineData("minister:john-key", "minister: John Key")]
    [InlineData("minister:ardern", "minister: Jacinda Ardern")]
    [InlineData("minister:john", "minister: John Banks or John Key")]
    [InlineData("portfolio:\"Maori Affairs\"", "portfolio: Māori Affairs")]
    public void NameFilters_ResolveToKnownNames(string input, string description) =>
        Assert.Contains(description, Parse(input).InterpretedAs);

    [Fact]
    public void ResolveNames_PrefersAnExactSlug_ElseEveryNameWithAllTheWords()
    {
        Assert.Equal(["john-key"], UserQueryParser.ResolveNames("john-key", "john-key", Ministers));
        Assert.Equal(["john-banks", "john-key"], UserQueryParser.ResolveNames("John", "", Ministers));
        Assert.Empty(UserQueryParser.ResolveNames("John Ardern", "john-ardern", Ministers));
        Assert.Empty(UserQueryParser.ResolveNames("!!", "", Ministers));
    }

    [Fact]
    public void Prefix_OfOneLetter_IsIgnoredWithANote()
    {
        var parsed = Parse("j* japan");
        Assert.Contains("prefix needs at least two letters", parsed.InterpretedAs);
        Assert.Empty(parsed.HighlightPrefixes);
        Assert.NotNull(parsed.Query);
    }
}
