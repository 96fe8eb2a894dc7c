using PressReleases.Web.Citations;

namespace PressReleases.Web.Tests.Citations;

/// <summary>The pure formatters: names, APA text, BibTeX and RIS, from sources written out by hand.</summary>
public sealed class CitationFormatTests
{
    private static readonly DateOnly Retrieved = new(2026, 11, 28);

    private static CitationSource Source(string title, DateOnly? date, params string[] ministers) => new(
        "some-release",
        title,
        date,
        "https://www.beehive.govt.nz/release/some-release",
        ministers.Select(PersonName.Parse).ToList(),
        "https://pr.example/releases/some-release",
        Retrieved);

    [Theory]
    [InlineData("Jacinda Ardern", "Ardern", "J.", "Ardern, Jacinda")]
    [InlineData("Aroha Tānemahuta", "Tānemahuta", "A.", "Tānemahuta, Aroha")]
    [InlineData("Jean-Luc Picard", "Picard", "J.-L.", "Picard, Jean-Luc")]
    [InlineData("Mary Jane Smith", "Smith", "M. J.", "Smith, Mary Jane")]
    [InlineData("Mark van der Berg", "van der Berg", "M.", "van der Berg, Mark")]
    [InlineData("Tariana", "Tariana", "", "Tariana")]
    public void Names_SplitIntoFamilyNameAndInitials(string name, string family, string initials, string familyCommaGiven)
    {
        var parsed = PersonName.Parse(name);
        Assert.Equal(family, parsed.Family);
        Assert.Equal(initials, parsed.Initials);
        Assert.Equal(familyCommaGiven, parsed.FamilyCommaGiven);
    }

    [Fact]
    public void Apa_WithOneMinister()
    {
        var apa = ApaCitation.From(Source("Budget date announced", new DateOnly(2026, 1, 27), "Nicola Willis"));
        Assert.Equal(
            "Willis, N. (2026, January 27). Budget date announced [Press release]. New Zealand Government. " +
            "https://www.beehive.govt.nz/release/some-release (retrieved 28 November 2026 from PressReleases: https://pr.example/releases/some-release)",
            apa.ToString());
    }

    [Fact]
    public void Apa_JoinsTwoAndThreeMinisters_WithAnAmpersand()
    {
        var two = ApaCitation.From(Source("T", new DateOnly(2020, 3, 23), "Jacinda Ardern", "Grant Robertson"));
        Assert.StartsWith("Ardern, J., & Robertson, G. (2020, March 23). T [Press release].", two.ToString(), StringComparison.Ordinal);

        var three = ApaCitation.From(Source("T", new DateOnly(2020, 3, 23), "Jacinda Ardern", "Grant Robertson", "Chris Hipkins"));
        Assert.StartsWith("Ardern, J., Robertson, G., & Hipkins, C. (2020, March 23).", three.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apa_WithoutMinistersOrDate_NamesTheGovernmentOnce_AndSaysNd()
    {
        var apa = ApaCitation.From(Source("Challenge laid", null));
        Assert.Equal(
            "New Zealand Government. (n.d.). Challenge laid [Press release]. " +
            "https://www.beehive.govt.nz/release/some-release (retrieved 28 November 2026 from PressReleases: https://pr.example/releases/some-release)",
            apa.ToString());
    }

    [Fact]
    public void BibTexEntry_HasEveryField_AndAStableKey()
    {
        var source = Source("Enhancing New Zealand – Japan cooperation", new DateOnly(2014, 7, 8), "John Key", "Murray McCully") with
        {
            Slug = "enhancing-new-zealand--japan-cooperation",
        };
        var bib = BibTexWriter.Write(source);
        var entry = BibEntry.Parse(bib);
        Assert.Equal("misc", entry.Type);
        Assert.Equal("beehive2014enhancing", entry.Key);
        Assert.Equal("Key, John and McCully, Murray", entry.Fields["author"]);
        Assert.Equal("{Enhancing New Zealand – Japan cooperation}", entry.Fields["title"]);
        Assert.Equal("2014", entry.Fields["year"]);
        Assert.Equal("jul", entry.Fields["month"]);
        Assert.Equal("8", entry.Fields["day"]);
        Assert.Equal("2014-07-08", entry.Fields["date"]);
        Assert.Equal("Press release", entry.Fields["howpublished"]);
        Assert.Equal("New Zealand Government", entry.Fields["organization"]);
        Assert.Equal("New Zealand Government", entry.Fields["publisher"]);
        Assert.Equal(source.SourceUrl, entry.Fields["url"]);
        Assert.Equal("2026-11-28", entry.Fields["urldate"]);
        Assert.Contains(@"\url{https://pr.example/releases/some-release}", entry.Fields["note"], StringComparison.Ordinal);
    }

    [Fact]
    public void BibTex_EscapesEverySpecialCharacter_AndKeepsMacrons()
    {
        Assert.Equal(@"\{ \} \% \& \$ \# \_ \^{} \~{} \textbackslash{} ā", BibTexWriter.Escape(@"{ } % & $ # _ ^ ~ \ ā"));

        var bib = BibTexWriter.Write(Source("Tax & 100% {new}_rules for Māori", null));
        var entry = BibEntry.Parse(bib);
        Assert.Equal(@"{Tax \& 100\% \{new\}\_rules for Māori}", entry.Fields["title"]);
        Assert.Equal("{New Zealand Government}", entry.Fields["author"]);
        Assert.Equal("beehivendsome", entry.Key);
        Assert.False(entry.Fields.ContainsKey("year"));
        Assert.False(entry.Fields.ContainsKey("date"));
    }

    [Fact]
    public void RisRecord_HasCrlfLines_FromTyToEr()
    {
        var ris = RisWriter.Write(Source("Tax & 100% {new}_rules for Māori", new DateOnly(2021, 8, 5), "Nanaia Mahuta", "Grant Robertson"));
        var record = RisRecord.Parse(ris);
        Assert.Equal("PRESS", record.Single("TY"));
        Assert.Equal(["Mahuta, Nanaia", "Robertson, Grant"], record.Values("AU"));
        Assert.Equal("Tax & 100% {new}_rules for Māori", record.Single("TI"));
        Assert.Equal("2021", record.Single("PY"));
        Assert.Equal("2021/08/05/", record.Single("DA"));
        Assert.Equal("New Zealand Government", record.Single("PB"));
        Assert.Equal("https://www.beehive.govt.nz/release/some-release", record.Single("UR"));
        Assert.Equal("2026/11/28/", record.Single("Y2"));
        Assert.Contains("https://pr.example/releases/some-release", record.Single("N1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ris_WithoutMinistersOrDate_NamesTheGovernment_AndLeavesOutTheDate()
    {
        var record = RisRecord.Parse(RisWriter.Write(Source("Line one\nline two", null)));
        Assert.Equal("New Zealand Government", record.Single("AU"));
        Assert.Equal("Line one line two", record.Single("TI"));
        Assert.Empty(record.Values("PY"));
        Assert.Empty(record.Values("DA"));
    }
}
