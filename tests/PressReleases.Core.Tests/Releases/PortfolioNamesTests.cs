using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Releases;

public class PortfolioNamesTests
{
    [Fact]
    public void Normalize_MacronAndPlainSpellingsShareASlugAndKeepTheirOwnNames()
    {
        var macron = PortfolioNames.Normalize("Māori Affairs");
        var plain = PortfolioNames.Normalize("Maori Affairs");
        Assert.Equal("maori-affairs", macron.Slug);
        Assert.Equal(macron.Slug, plain.Slug);
        Assert.Equal("Māori Affairs", macron.Name);
        Assert.Equal("Maori Affairs", plain.Name);
    }

    [Theory]
    [InlineData("Veterans’ Affairs", "Veterans' Affairs", "veterans-affairs")]
    [InlineData("Associate  Minister of   Finance ", "Associate Minister of Finance", "associate-minister-of-finance")]
    [InlineData("COVID-19 Response", "COVID-19 Response", "covid-19-response")]
    [InlineData("Māori Crown Relations: Te Arawhiti", "Māori Crown Relations: Te Arawhiti", "maori-crown-relations-te-arawhiti")]
    public void Normalize_CollapsesWhitespaceAndNormalisesPunctuation(string raw, string name, string slug)
    {
        var result = PortfolioNames.Normalize(raw);
        Assert.True(result.IsPortfolio);
        Assert.Equal(name, result.Name);
        Assert.Equal(slug, result.Slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://www.mfe.govt.nz/rma/central/minister/national-significance.html")]
    [InlineData("www.beehive.govt.nz/portfolio/finance")]
    public void Normalize_EmptyTextAndUrlsAreNotPortfolios(string raw)
    {
        var result = PortfolioNames.Normalize(raw);
        Assert.False(result.IsPortfolio);
        Assert.Equal("", result.Slug);
    }

    [Fact]
    public void Normalize_OverlongTextIsNotAPortfolio() =>
        Assert.False(PortfolioNames.Normalize(new string('x', 201)).IsPortfolio);
}
