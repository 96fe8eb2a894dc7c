using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Releases;

public class MinisterNamesTests
{
    [Theory]
    [InlineData("Hon Grant Robertson", "Grant Robertson")]
    [InlineData("Grant Robertson", "Grant Robertson")]
    [InlineData("Rt Hon Jacinda Ardern", "Jacinda Ardern")]
    [InlineData("Right Honourable Helen Clark", "Helen Clark")]
    [InlineData("Hon Dr Megan Woods", "Megan Woods")]
    [InlineData("Dr. Ayesha Verrall", "Ayesha Verrall")]
    [InlineData("Rt Hon Sir John Key", "John Key")]
    [InlineData("Dame Jenny Shipley", "Jenny Shipley")]
    [InlineData("Hon. Paul Goldsmith", "Paul Goldsmith")]
    [InlineData("Hon Judith Collins KC", "Judith Collins")]
    [InlineData("Christopher Finlayson QC", "Christopher Finlayson")]
    [InlineData("HON Nicola Willis", "Nicola Willis")]
    [InlineData("  Hon   Chris\tHipkins ", "Chris Hipkins")]
    [InlineData("Georgina te Heuheu", "Georgina te Heuheu")]
    [InlineData("Brooke van Velden", "Brooke van Velden")]
    [InlineData("Iain Lees-Galloway", "Iain Lees-Galloway")]
    [InlineData("Laila Harré", "Laila Harré")]
    public void Normalize_StripsHonorificsAndKeepsThePersonsName(string raw, string name)
    {
        var result = MinisterNames.Normalize(raw);
        Assert.True(result.IsPerson);
        Assert.Equal(name, result.Name);
        Assert.Equal(Slugs.From(name), result.Slug);
    }

    [Theory]
    [InlineData("Hon Damien O’Connor")]
    [InlineData("Hon Damien O'Connor")]
    [InlineData("Damien O\u02BCConnor")]
    public void Normalize_TypographicApostrophesGiveOneName(string raw)
    {
        var result = MinisterNames.Normalize(raw);
        Assert.Equal("Damien O'Connor", result.Name);
        Assert.Equal("damien-oconnor", result.Slug);
    }

    [Fact]
    public void Normalize_SpellingsOfOnePersonShareASlug()
    {
        var slugs = new[] { "Hon Grant Robertson", "Grant Robertson", "Rt Hon Grant Robertson", "Hon. Grant  Robertson" }
            .Select(s => MinisterNames.Normalize(s).Slug)
            .Distinct()
            .ToList();
        Assert.Equal(["grant-robertson"], slugs);
    }

    [Theory]
    [InlineData("View/download PDF file of document")]
    [InlineData("View/download")]
    [InlineData("clicking here")]
    [InlineData("Click here to view the survey as a PDF file")]
    [InlineData("this site here")]
    [InlineData("http://www.executive.govt.nz/minister/maharey/dpb_wb.pdf")]
    [InlineData("www.executive.govt.nz/minister/king/")]
    [InlineData("[From a speech in the Wednesday Parliamentary General Debate on 31 October 2001]")]
    [InlineData("Analysis - Children")]
    [InlineData("Summary Report, Adults")]
    [InlineData("No Minister")]
    [InlineData("Mururoa")]
    [InlineData("Air New Zealand statement")]
    [InlineData("Visit Beehive to see the Minister's speech")]
    [InlineData("advocated strongly against nuclear testing in the Pacific")]
    [InlineData("")]
    [InlineData("Hon")]
    public void Normalize_LinkTextAndOtherJunkIsNotAPerson(string raw)
    {
        var result = MinisterNames.Normalize(raw);
        Assert.False(result.IsPerson);
        Assert.Equal("", result.Slug);
    }

    [Theory]
    [InlineData("Rt Hon Sir John Key KC", "John Key")]
    [InlineData("Hon Dr Megan Woods", "Megan Woods")]
    public void StripTitles_RemovesStackedTitlesAndIsIdempotent(string raw, string expected)
    {
        var once = MinisterNames.StripTitles(raw);
        Assert.Equal(expected, once);
        Assert.Equal(once, MinisterNames.StripTitles(once));
    }
}
