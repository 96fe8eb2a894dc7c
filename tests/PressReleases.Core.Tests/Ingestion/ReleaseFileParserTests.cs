using System.Text;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Ingestion;

public class ReleaseFileParserTests
{
    private const string Url = "https://www.beehive.govt.nz/release/trade-talks-japan";

    private readonly ReleaseFileParser parser = new(new MarkdownRenderer());

    private static string File(string frontMatter, string body = "A body paragraph.") => $"---\n{frontMatter}---\n\n{body}\n";

    private static string Valid(string extra = "", string title = "Trade talks with Japan", string date = "2014-07-08") =>
        File($"title: \"{title}\"\ndate: {date}\nurl: {Url}\n{extra}");

    private ParsedRelease Parse(string text) => parser.Parse(Encoding.UTF8.GetBytes(text));

    private ReleaseFileException Reject(string text) => Reject(Encoding.UTF8.GetBytes(text));

    private ReleaseFileException Reject(byte[] bytes) => Assert.Throws<ReleaseFileException>(() => parser.Parse(bytes));

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var release = Parse(File(
            "title: \"Trade talks with Japan\"\n" +
            "date: 2014-07-08\n" +
            $"url: {Url}\n" +
            "ministers:\n  - Hon John Key\n  - Murray McCully\n" +
            "portfolios:\n  - Trade\n  - Foreign Affairs\n" +
            "attachments:\n  - https://www.beehive.govt.nz/sites/default/files/a.pdf\n",
            "The Prime Minister met **officials** in Tokyo.\n\nA second paragraph."));

        Assert.Equal("Trade talks with Japan", release.Title);
        Assert.Equal(new DateOnly(2014, 7, 8), release.Date);
        Assert.Equal(Url, release.Url);
        Assert.Equal("trade-talks-japan", release.BaseSlug);
        Assert.Equal(["john-key", "murray-mccully"], release.Ministers.Select(m => m.Slug));
        Assert.Equal(["John Key", "Murray McCully"], release.Ministers.Select(m => m.Name));
        Assert.Equal(["trade", "foreign-affairs"], release.Portfolios.Select(p => p.Slug));
        Assert.Equal([new AttachmentLink("https://www.beehive.govt.nz/sites/default/files/a.pdf", null)], release.Attachments);
        Assert.Empty(release.DiscardedMinisterEntries);
        Assert.Contains("<strong>officials</strong>", release.BodyHtml);
        Assert.Contains("A second paragraph.", release.BodyHtml);
        Assert.Contains("The Prime Minister met officials in Tokyo.", release.BodyText);
        Assert.DoesNotContain("**", release.BodyText);
    }

    [Fact]
    public void Parse_AcceptsByteOrderMarkAndCrLfLineEndings()
    {
        var lf = Valid("ministers:\n  - John Key\n");
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(crlf)).ToArray();

        var expected = Parse(lf);
        var actual = parser.Parse(withBom);

        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.Ministers, actual.Ministers);
        Assert.Equal(expected.BodyHtml, actual.BodyHtml);
        Assert.Equal(expected.BodyText, actual.BodyText);
    }

    [Fact]
    public void Parse_AcceptsTrailingSpacesOnTheClosingFence() =>
        Assert.Equal("Trade talks with Japan", Parse(Valid().Replace("\n---\n\n", "\n---  \n\n", StringComparison.Ordinal)).Title);

    [Fact]
    public void Parse_AcceptsTrailingSpacesOnTheOpeningFence() =>
        Assert.Equal("Trade talks with Japan", Parse("--- " + Valid()[3..]).Title);

    [Fact]
    public void Parse_PlaceholderDateMeansUnknown() => Assert.Null(Parse(Valid(date: "0001-01-01")).Date);

    [Theory]
    [InlineData("2020-03-15T23:30:00+13:00", 2020, 3, 15)]
    [InlineData("2020-03-15T08:00:00Z", 2020, 3, 15)]
    [InlineData("2020-03-15 23:59:00 -05:00", 2020, 3, 15)]
    [InlineData("\"2019-12-31\"", 2019, 12, 31)]
    public void Parse_DateWithTimeAndZoneIsThatCalendarDate(string written, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Parse(Valid(date: written)).Date);

    [Fact]
    public void Parse_MinistersAsAPlainStringIsOneMinister()
    {
        var release = Parse(Valid("ministers: Hon Grant Robertson\n"));
        var minister = Assert.Single(release.Ministers);
        Assert.Equal("grant-robertson", minister.Slug);
        Assert.Equal("Grant Robertson", minister.Name);
    }

    [Fact]
    public void Parse_SpellingsOfOneMinisterInOneFileGiveOneMinister()
    {
        var release = Parse(Valid("ministers:\n  - Hon Grant Robertson\n  - Grant Robertson\n  - Rt Hon Jacinda Ardern\n"));
        Assert.Equal(["grant-robertson", "jacinda-ardern"], release.Ministers.Select(m => m.Slug));
    }

    [Fact]
    public void Parse_JunkMinisterEntriesAreDiscardedNotMinisters()
    {
        var release = Parse(Valid("ministers:\n  - John Key\n  - View/download PDF file of document\n  - clicking here\n  - http://www.executive.govt.nz/minister/king/\n"));
        Assert.Equal(["john-key"], release.Ministers.Select(m => m.Slug));
        Assert.Equal(["View/download PDF file of document", "clicking here", "http://www.executive.govt.nz/minister/king/"], release.DiscardedMinisterEntries);
    }

    [Fact]
    public void Parse_BracketedSpeechNoteIsReadAsTextAndDiscarded()
    {
        var release = Parse(Valid("ministers:\n  - [From a speech in the General Debate on 31 October 2001]\n"));
        Assert.Empty(release.Ministers);
        Assert.Equal(["[From a speech in the General Debate on 31 October 2001]"], release.DiscardedMinisterEntries);
    }

    [Fact]
    public void Parse_EntryWithAColonIsReadAsTheTextWritten()
    {
        var release = Parse(Valid("portfolios:\n  - Māori Crown Relations: Te Arawhiti\n  - Finance\n"));
        Assert.Equal(["Māori Crown Relations: Te Arawhiti", "Finance"], release.Portfolios.Select(p => p.Name));
        Assert.Equal("maori-crown-relations-te-arawhiti", release.Portfolios[0].Slug);
    }

    [Fact]
    public void Parse_PortfolioSpellingsInOneFileGiveOnePortfolio()
    {
        var release = Parse(Valid("portfolios:\n  - Māori Affairs\n  - Maori Affairs\n"));
        Assert.Equal("Māori Affairs", Assert.Single(release.Portfolios).Name);
    }

    [Theory]
    [InlineData("<i>Working for Families</i> boost", "Working for Families boost")]
    [InlineData("Budget <b>2020</b>: <em>the</em> details", "Budget 2020: the details")]
    [InlineData("Q&amp;A on the  new\\tlaw", "Q&A on the new law")]
    public void Parse_TitlesLoseHtmlTagsAndEntities(string title, string expected) =>
        Assert.Equal(expected, Parse(Valid(title: title)).Title);

    [Fact]
    public void Parse_UnknownKeysAreIgnored()
    {
        var plain = Parse(Valid());
        var extra = Parse(Valid("author: someone\ntags:\n  - a\n  - b\nnested:\n  key: value\n"));
        Assert.Equal(plain.Title, extra.Title);
        Assert.Equal(plain.Url, extra.Url);
        Assert.Equal(plain.BodyHtml, extra.BodyHtml);
    }

    [Fact]
    public void Parse_KeepsHttpAttachmentsInOrderAndDropsOthers()
    {
        var release = Parse(Valid(
            "attachments:\n" +
            "  - https://www.beehive.govt.nz/b.pdf\n" +
            "  - not a link\n" +
            "  - javascript:alert(1)\n" +
            "  - http://www.beehive.govt.nz/a.doc\n" +
            "  - https://www.beehive.govt.nz/b.pdf\n"));
        Assert.Equal(["https://www.beehive.govt.nz/b.pdf", "http://www.beehive.govt.nz/a.doc"], release.Attachments.Select(a => a.Url));
    }

    [Fact]
    public void Parse_FieldNamesAreCaseInsensitive()
    {
        var release = Parse(File($"Title: \"Upper case keys\"\nDATE: 2014-07-08\nUrl: {Url}\n"));
        Assert.Equal("Upper case keys", release.Title);
    }

    [Theory]
    [InlineData("https://www.beehive.govt.nz/release/some-release/", "some-release")]
    [InlineData("https://www.beehive.govt.nz/release/caf%C3%A9-opening", "cafe-opening")]
    [InlineData("https://www.beehive.govt.nz/release/Mixed_Case?x=1#top", "mixed-case")]
    [InlineData("https://www.beehive.govt.nz/release/30433", "30433")]
    [InlineData("https://www.beehive.govt.nz/release/enhancing-new-zealand--japan-cooperation", "enhancing-new-zealand--japan-cooperation")]
    [InlineData("https://www.beehive.govt.nz/release/Budget-2020", "budget-2020")]
    public void Parse_BaseSlugIsTheUrlsLastSegment(string url, string slug) =>
        Assert.Equal(slug, Parse(File($"title: \"A title\"\ndate: 2014-07-08\nurl: {url}\n")).BaseSlug);

    [Fact]
    public void Parse_OverlongUrlSlugIsCutToTwoHundredCharactersAtAWordBoundary()
    {
        var segment = string.Join("-", Enumerable.Repeat("word", 60)); // 299 characters
        var slug = Parse(File($"title: \"A title\"\ndate: 2014-07-08\nurl: https://www.beehive.govt.nz/release/{segment}\n")).BaseSlug;
        Assert.True(slug.Length <= 200, $"{slug.Length} characters");
        Assert.StartsWith(slug, segment);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Parse_UrlWithoutPathTakesItsSlugFromTheTitle() =>
        Assert.Equal("budget-day-speech", Parse(File("title: \"Budget Day: speech\"\ndate: 2014-07-08\nurl: https://www.beehive.govt.nz/\n")).BaseSlug);

    [Fact]
    public void Parse_EmptyBodyGivesEmptyHtmlAndText()
    {
        var release = Parse($"---\ntitle: \"No body\"\ndate: 2014-07-08\nurl: {Url}\n---\n");
        Assert.Equal("", release.BodyHtml);
        Assert.Equal("", release.BodyText);
    }

    [Fact]
    public void Reject_EmptyFile()
    {
        var error = Reject([]);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Reject_BinaryFile()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid());
        bytes[20] = 0;
        Assert.Contains("binary", Reject(bytes).Message);
    }

    [Fact]
    public void Reject_InvalidUtf8_SaysWhichLine()
    {
        var text = Valid();
        var lines = text.Split('\n');
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(string.Join('\n', lines[..6]) + "\nBad byte here: "));
        bytes.Add(0xC3); // a lead byte followed by a non-continuation byte
        bytes.Add((byte)'(');
        bytes.AddRange(Encoding.UTF8.GetBytes("\nmore text\n"));

        var error = Reject(bytes.ToArray());
        Assert.Contains("UTF-8", error.Message);
        Assert.Equal(7, error.Line); // six lines before it
    }

    [Fact]
    public void Reject_NoFrontMatter()
    {
        var error = Reject("Just some markdown.\n\ntitle: x\n");
        Assert.Contains("no front matter", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Reject_UnclosedFrontMatter()
    {
        var error = Reject($"---\ntitle: \"x\"\ndate: 2014-07-08\nurl: {Url}\n\nBody without a closing line.\n");
        Assert.Contains("never closed", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("foo: [a, b\n", 6)] // a flow list still open when the front matter ends: reported where it ends
    [InlineData("title: again\n", 5)] // duplicate key
    [InlineData("foo: @bar\n", 5)] // a character that cannot start a value
    [InlineData("foo: \"a\\qb\"\n", 5)] // unknown escape in a quoted value
    [InlineData("- list item\n", 5)] // a list item inside the map
    [InlineData("foo: 'never closed\n", 5)]
    public void Reject_InvalidYaml_SaysWhichLine(string badLine, int line)
    {
        // Lines 2-4 are a valid title, date and url; line 5 is the bad one.
        var error = Reject(File($"title: x\ndate: 2014-07-08\nurl: {Url}\n{badLine}"));
        Assert.Contains("not valid YAML", error.Message);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Reject_FlowListLeftOpenBeforeTheNextKey_IsInvalidYaml()
    {
        // Line 4 opens a flow list that is never closed; line 5 is the next key.
        var error = Reject(File($"title: \"x\"\ndate: 2014-07-08\nportfolios: [Finance, Health\nurl: {Url}\n"));
        Assert.Contains("not valid YAML", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Reject_OverlongFrontMatter()
    {
        var padding = string.Concat(Enumerable.Repeat("note: " + new string('x', 90) + "\n", (IngestLimits.MaxFrontMatterChars / 97) + 10));
        var error = Reject(Valid(padding));
        Assert.Contains("front matter", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Reject_FrontMatterThatIsNotAMap()
    {
        var error = Reject(File("- just\n- a list\n"));
        Assert.Contains("key: value", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("date")]
    [InlineData("url")]
    public void Reject_MissingRequiredField(string field)
    {
        var lines = new Dictionary<string, string> { ["title"] = "title: \"x\"\n", ["date"] = "date: 2014-07-08\n", ["url"] = $"url: {Url}\n" };
        lines.Remove(field);
        var error = Reject(File(string.Concat(lines.Values)));
        Assert.Contains($"'{field}'", error.Message);
    }

    [Theory]
    [InlineData("title: \"\"\ndate: 2014-07-08\nurl: " + Url + "\n", "title", 2)]
    [InlineData("title:\ndate: 2014-07-08\nurl: " + Url + "\n", "title", 2)]
    [InlineData("title: \"x\"\ndate: \"  \"\nurl: " + Url + "\n", "date", 3)]
    [InlineData("title: \"x\"\ndate: 2014-07-08\nurl: ''\n", "url", 4)]
    public void Reject_EmptyRequiredField_SaysWhichLine(string frontMatter, string field, int line)
    {
        var error = Reject(File(frontMatter));
        Assert.Contains($"'{field}' is empty", error.Message);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Reject_TitleOfOnlyTags() =>
        Assert.Contains("no text", Reject(Valid(title: "<br/>")).Message);

    [Fact]
    public void Reject_TitleAsAList()
    {
        var error = Reject(File($"date: 2014-07-08\ntitle:\n  - one\n  - two\nurl: {Url}\n"));
        Assert.Contains("'title' must be a single value, not a list", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Reject_TitleAsAMap()
    {
        var error = Reject(File($"date: 2014-07-08\nurl: {Url}\ntitle:\n  en: one\n"));
        Assert.Contains("'title' must be a single value, not a map", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("15/03/2020")]
    [InlineData("yesterday")]
    [InlineData("2020-13-01")]
    [InlineData("20200315")]
    public void Reject_InvalidDate(string date)
    {
        var error = Reject(Valid(date: date));
        Assert.Contains("'date' is not a valid date", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("ftp://www.beehive.govt.nz/release/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/release/relative")]
    [InlineData("not a url")]
    [InlineData("mailto:someone@example.com")]
    public void Reject_UrlThatIsNotHttp(string url)
    {
        var error = Reject(File($"title: \"x\"\ndate: 2014-07-08\nurl: \"{url}\"\n"));
        Assert.Contains("'url' is not an http(s) address", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Reject_OverlongTitle()
    {
        var error = Reject(Valid(title: new string('a', IngestLimits.MaxTitleChars + 1)));
        Assert.Contains("'title'", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Reject_ListWithTooManyEntries()
    {
        var entries = string.Concat(Enumerable.Range(0, IngestLimits.MaxListEntries + 1).Select(i => $"  - Person Number{i}\n"));
        var error = Reject(Valid("ministers:\n" + entries));
        Assert.Contains("'ministers'", error.Message);
        Assert.Equal(6, error.Line); // where the list's entries start
    }

    /// <summary>Each optional field in a shape the reader does not know: (field, its YAML from line 5, good values kept, the line warned: the odd entry's, or the map's first).</summary>
    public static TheoryData<string, string, string[], int> OddOptionalFields => new()
    {
        { "ministers", "ministers:\n  - name: John Key\n    title: Prime Minister\n  - Hon Bill English\n", ["Bill English"], 6 },
        { "ministers", "ministers:\n  name: John Key\n", [], 6 },
        { "ministers", "ministers:\n  - - John Key\n    - [Bill English, more]\n  - Hon Bill English\n", ["Bill English"], 6 },
        { "portfolios", "portfolios:\n  - name: Health\n    since: 2014\n  - Education\n", ["Education"], 6 },
        { "portfolios", "portfolios:\n  Health: yes\n", [], 6 },
        { "attachments", "attachments:\n  - name: Report\n    link: https://www.beehive.govt.nz/sites/default/files/report.pdf\n  - https://www.beehive.govt.nz/sites/default/files/other.pdf\n", ["https://www.beehive.govt.nz/sites/default/files/other.pdf"], 6 },
        { "attachments", "attachments:\n  file: https://www.beehive.govt.nz/sites/default/files/report.pdf\n", [], 6 },
    };

    [Theory]
    [MemberData(nameof(OddOptionalFields))]
    public void OptionalField_InAnUnknownShape_IsSkippedWithAWarning_AndTheReleaseKept(string field, string yaml, string[] kept, int line)
    {
        var release = Parse(Valid(yaml));

        Assert.Equal("Trade talks with Japan", release.Title);
        Assert.Equal("A body paragraph.", release.BodyText.Trim());
        var values = field switch
        {
            "ministers" => release.Ministers.Select(m => m.Name).ToList(),
            "portfolios" => release.Portfolios.Select(p => p.Name).ToList(),
            _ => release.Attachments.Select(a => a.Url).ToList(),
        };
        Assert.Equal(kept, values);
        var warning = Assert.Single(release.Warnings);
        Assert.Equal(field, warning.Field);
        Assert.Equal(line, warning.Line);
    }

    [Fact]
    public void Attachments_WrittenAsMapsWithAUrl_AreReadWithTheirNames()
    {
        var release = Parse(Valid(
            "attachments:\n  - name: \"Budget report\"\n    url: https://www.beehive.govt.nz/sites/default/files/report.pdf\n  - url: https://www.beehive.govt.nz/sites/default/files/annex.pdf\n  - https://www.beehive.govt.nz/sites/default/files/plain.pdf\n"));

        // Each optional part in turn: a map with both, a map with no name, a bare address (no name either).
        Assert.Equal(
            [
                new AttachmentLink("https://www.beehive.govt.nz/sites/default/files/report.pdf", "Budget report"),
                new AttachmentLink("https://www.beehive.govt.nz/sites/default/files/annex.pdf", null),
                new AttachmentLink("https://www.beehive.govt.nz/sites/default/files/plain.pdf", null),
            ],
            release.Attachments);
        Assert.Empty(release.Warnings);
    }

    [Theory]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    name: \"  Annual\\n\\t report  \"\n", "Annual report")]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    NAME: Annex A\n", "Annex A")]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    name: \"   \"\n", null)]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    name: \"\"\n", null)]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    name: <b>Report</b> & \"notes\"\n", "<b>Report</b> & \"notes\"")]
    [InlineData("  - url: https://www.beehive.govt.nz/r.pdf\n    title: Report\n", null)]
    public void AttachmentName_IsOneLineOfText_OrNoneWhenBlankOrMissing(string entry, string? name)
    {
        var release = Parse(Valid("attachments:\n" + entry));

        // Markup stays as written: it is text, and the page encodes it.
        Assert.Equal([new AttachmentLink("https://www.beehive.govt.nz/r.pdf", name)], release.Attachments);
        Assert.Empty(release.Warnings);
    }

    [Fact]
    public void Attachment_ListedTwice_KeepsItsFirstName()
    {
        var release = Parse(Valid(
            "attachments:\n  - https://www.beehive.govt.nz/r.pdf\n  - name: Later name\n    url: https://www.beehive.govt.nz/r.pdf\n  - name: Annex\n    url: https://www.beehive.govt.nz/annex.pdf\n  - name: Annex again\n    url: https://www.beehive.govt.nz/annex.pdf\n"));

        Assert.Equal([new AttachmentLink("https://www.beehive.govt.nz/r.pdf", null), new AttachmentLink("https://www.beehive.govt.nz/annex.pdf", "Annex")], release.Attachments);
    }

    [Fact]
    public void Attachment_NamedButWithoutAUrl_IsLeftOut()
    {
        var release = Parse(Valid("attachments:\n  - name: Report\n  - name: https://www.beehive.govt.nz/r.pdf\n"));

        Assert.Empty(release.Attachments);
    }

    [Fact]
    public void WellFormedRelease_HasNoWarnings() => Assert.Empty(Parse(Valid("ministers:\n  - Hon John Key\nportfolios:\n  - Finance\n")).Warnings);
}
