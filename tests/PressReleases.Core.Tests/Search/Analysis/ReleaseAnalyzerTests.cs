using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Tests.Search.Analysis;

public class ReleaseAnalyzerTests
{
    private readonly ReleaseAnalyzer analyzer = new();

    private IReadOnlyList<string> Terms(string text) => analyzer.Terms(IndexFields.Body, text);

    [Theory]
    [InlineData("Māori", "maori")]
    [InlineData("MĀORI", "Maori")]
    [InlineData("Whānau", "whanau")]
    [InlineData("Ma\u0304ori", "Māori")]
    [InlineData("Nga\u0304ti Pa\u0304hauwera", "Ngati Pahauwera")]
    [InlineData("\u014Ctaki and O\u0304taki", "otaki otaki")]
    [InlineData("Pe\u0301rez", "Perez")]
    [InlineData("\u304B\u3099\u3063\u3053\u3046", "\u304C\u3063\u3053\u3046")]
    [InlineData("\u1112\u1161\u11AB\u1100\u116E\u11A8", "\uD55C\uAD6D")]
    [InlineData("cooperating", "cooperation")]
    [InlineData("earthquakes", "earthquake")]
    [InlineData("New Zealand’s", "new zealand")]
    [InlineData("Minister's", "minister")]
    [InlineData("the Trade and the Tourism", "trade tourism")]
    public void DifferentForms_AnalyseToTheSameTerms(string a, string b)
    {
        Assert.NotEmpty(Terms(a));
        Assert.Equal(Terms(a), Terms(b));
    }

    [Fact]
    public void StopWords_LeaveNoTerms() => Assert.Empty(Terms("the and of a"));

    [Fact]
    public void Terms_KeepTheirOrder()
    {
        var terms = Terms("Japan trade Tokyo");
        Assert.Equal(3, terms.Count);
        Assert.Equal(Terms("Japan").Concat(Terms("trade")).Concat(Terms("Tokyo")), terms);
    }

    [Fact]
    public void DifferentWords_StayDifferent() => Assert.NotEqual(Terms("japan"), Terms("china"));

    /// <summary>
    /// The exact terms, not only forms that agree with one another: an upgrade of Lucene.Net that changed the
    /// tokenizer, a filter or the stemmer would pass the tests above yet leave every existing index holding
    /// terms the queries no longer produce. When this fails on purpose, bump SearchIndex.SchemaVersion so old
    /// indexes are rebuilt from the store (docs/lucene-internals.md).
    /// </summary>
    [Fact]
    public void Terms_AreExactlyTheChainsOutput_ForTextAndWordFields()
    {
        const string Text = "The Minister’s cooperating with Māori communities on COVID-19 vaccinations in Ōtautahi.";

        Assert.Equal(["minist", "cooper", "maori", "commun", "covid", "19", "vaccin", "otautahi"], analyzer.Terms(IndexFields.Body, Text));
        Assert.Equal(analyzer.Terms(IndexFields.Body, Text), analyzer.Terms(IndexFields.Title, Text));
        Assert.Equal(
            ["the", "minister", "cooperating", "with", "maori", "communities", "on", "covid", "19", "vaccinations", "in", "otautahi"],
            analyzer.Terms(IndexFields.Words, Text));
    }
}
