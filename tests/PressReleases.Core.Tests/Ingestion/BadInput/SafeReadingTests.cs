using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>
/// Odd files that have a reasonable reading are ingested, and the stored values are that reading: a byte
/// order mark, CRLF line endings, dates with a time and zone, a single minister where a list was
/// expected, control characters and markup in titles, hostile markup in bodies, duplicate urls and
/// unusual file names.
/// </summary>
public abstract class SafeReadingTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    private SourceFolder Source => store.Source;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<Release> StoredAsync(string sourcePath)
    {
        await using var db = store.NewDb();
        return await db.Releases.AsNoTracking().SingleAsync(r => r.SourcePath == sourcePath);
    }

    [Fact]
    public async Task ByteOrderMarkAndCrLf_AreReadAsTheSameReleaseAsPlainLf()
    {
        string Text(string name) =>
            $"---\ntitle: \"Line endings {name}\"\ndate: 2014-07-08\nurl: {ReleaseFileText.UrlFor(name)}\nministers:\n  - Hon John Key\n---\n\nFirst paragraph.\n\nSecond paragraph with a\nsoft break.\n";
        Source.WriteRaw("lf.md", Text("lf"));
        Source.WriteBytes("bom.md", [.. Encoding.UTF8.GetPreamble(), .. BadFiles.Utf8(Text("bom"))]);
        Source.WriteRaw("crlf.md", Text("crlf").Replace("\n", "\r\n", StringComparison.Ordinal));
        Source.WriteBytes("bom-crlf.md", [.. Encoding.UTF8.GetPreamble(), .. BadFiles.Utf8(Text("bom-crlf").Replace("\n", "\r\n", StringComparison.Ordinal))]);
        Source.WriteRaw("cr-only.md", Text("cr-only").Replace('\n', '\r'));

        var report = await store.IngestAsync();

        Assert.Equal((5, 0), (report.Added, report.Rejected));
        var plain = await StoredAsync("lf.md");
        foreach (var name in new[] { "bom", "crlf", "bom-crlf", "cr-only" })
        {
            var release = await StoredAsync($"{name}.md");
            Assert.Equal($"Line endings {name}", release.Title);
            Assert.Equal(new DateOnly(2014, 7, 8), release.Date);
            Assert.Equal(ReleaseFileText.UrlFor(name), release.SourceUrl);
            Assert.Equal(plain.BodyHtml, release.BodyHtml);
            Assert.Equal(plain.BodyText, release.BodyText);
            Assert.DoesNotContain('\r', release.BodyHtml);
            Assert.DoesNotContain('\uFEFF', release.Title);
            Assert.Equal(["john-key"], (await store.Catalog.FindAsync(release.Slug))!.Ministers.Select(m => m.Slug));
        }
    }

    [Theory]
    [InlineData("2020-03-15T23:30:00+13:00", "2020-03-15")] // NZDT evening: 10:30 UTC the same day
    [InlineData("2020-03-15T00:30:00+13:00", "2020-03-15")] // NZDT just after midnight: still the 14th in UTC, the 15th where published
    [InlineData("2020-03-15T23:59:00-05:00", "2020-03-15")] // the 16th in UTC
    [InlineData("2020-03-15T08:00:00Z", "2020-03-15")]
    [InlineData("2020-03-15 08:00:00", "2020-03-15")]
    [InlineData("\"2020-03-15\"", "2020-03-15")]
    public async Task DateWithATimeAndZone_IsStoredAsTheCalendarDateWhereItWasPublished(string written, string expected)
    {
        Source.Write("dated.md", "Dated release", date: written);
        Source.Write("other.md", "Other release");

        var report = await store.IngestAsync();

        Assert.Equal((2, 0), (report.Added, report.Rejected));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (await StoredAsync("dated.md")).Date);
    }

    [Fact]
    public async Task MinistersAsAStringInsteadOfAList_IsOneMinister()
    {
        Source.WriteRaw("single.md", BadFiles.Head() + "ministers: Hon Grant Robertson\nportfolios: Finance\n---\n\nBody.\n");
        Source.Write("other.md", "Other release", ministers: ["Grant Robertson"]);

        var report = await store.IngestAsync();

        Assert.Equal((2, 0), (report.Added, report.Rejected));
        var detail = await store.Catalog.FindAsync((await StoredAsync("single.md")).Slug);
        Assert.Equal(["grant-robertson"], detail!.Ministers.Select(m => m.Slug));
        Assert.Equal(["finance"], detail.Portfolios.Select(p => p.Slug));
        Assert.Equal(2, (await store.SearchAsync(new PressReleases.Core.Search.SearchRequest { Ministers = ["grant-robertson"] })).Total);
    }

    [Fact]
    public async Task ControlAndFormatCharactersInTheTitle_AreRemoved_TheWordsKept()
    {
        // Bell, escape, right-to-left override, zero-width space, soft hyphen, byte order mark; escaped in YAML: bell, escape, override, line separator.
        Source.WriteRaw("controls.md", BadFiles.Head(title: "Budget\u0007 \u001B[31mupdate \u202Egnivlos\u202C zero\u200Bwidth next soft\u00ADhyphen\uFEFF") + "---\n\nBody.\n");
        Source.WriteRaw("escaped.md", "---\ntitle: \"Escaped\\a bell \\x1B and \\u202E override\\Lend\"\ndate: 2020-01-15\nurl: " + ReleaseFileText.UrlFor("escaped") + "\n---\n\nBody.\n");

        var report = await store.IngestAsync();

        Assert.True((2, 0) == (report.Added, report.Rejected), string.Join("\n", report.Problems));
        var titles = new[] { (await StoredAsync("controls.md")).Title, (await StoredAsync("escaped.md")).Title };
        Assert.All(titles, title => Assert.DoesNotContain(title, c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator));
        Assert.Equal("Budget [31mupdate gnivlos zero width next soft hyphen", titles[0]);
        Assert.Equal("Escaped bell and override end", titles[1]);
    }

    [Fact]
    public async Task MarkupInTitleAndBody_IsStoredAsTextOrSafeHtml()
    {
        Source.Write("hostile.md", new ReleaseFileText
        {
            Title = "Zebra <script>alert(1)</script> plan <img src=x onerror=alert(2)> &lt;b onmouseover=alert(3)&gt;",
            Body = HostileBody,
        });
        Source.Write("plain.md", "Plain release");

        var report = await store.IngestAsync();

        Assert.Equal((2, 0), (report.Added, report.Rejected));
        var release = await StoredAsync("hostile.md");

        // Tags in a title are dropped and entities decoded: what is left is text, escaped wherever it is shown.
        Assert.Equal("Zebra alert(1) plan <b onmouseover=alert(3)>", release.Title);

        var body = new HtmlParser().ParseDocument("<body>" + release.BodyHtml).Body!;
        var elements = body.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe" or "svg" or "object" or "embed" or "style" or "form" or "input");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name is "style" or "src");
        var hrefs = elements.Where(e => e.HasAttribute("href")).Select(e => e.GetAttribute("href")!).ToList();
        // A link whose address was refused keeps its text and an empty href (this page), never the address.
        Assert.All(hrefs, href => Assert.True(href.Length == 0 || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal), href));
        Assert.Contains("https://example.org/fine", hrefs);
        Assert.Contains("<script>alert('body')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("<iframe src=\"https://evil.example/\"></iframe>", body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", release.BodyText.Replace("<script>alert('body')</script>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Every way we know of to get script into markdown: raw HTML, link schemes, encodings, attributes.</summary>
    public const string HostileBody = """
        <script>alert('body')</script>

        <iframe src="https://evil.example/"></iframe>

        <img src=x onerror=alert(1)> and <b onclick="alert(2)">bold</b> and <svg onload=alert(3)></svg>

        [js](javascript:alert(4)) [mixed](JaVaScRiPt:alert(5)) [spaced]( javascript:alert(6)) [tab](java	script:alert(7))

        [entity](&#106;avascript:alert(8)) [hex](&#x6A;avascript:alert(9)) [vb](vbscript:msgbox(10))

        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=) ![image](javascript:alert(12)) ![pixel](https://evil.example/p.png)

        <javascript:alert(13)> <https://example.org/fine>

        [ref link][r]

        [r]: javascript:alert(14)

        [titled](https://example.org/t "onmouseover=alert(15)") [quote](https://example.org/q"onmouseover="alert(16))

        <a href="javascript:alert(17)">raw anchor</a> <style>body{}</style> <form action="javascript:alert(18)"><input></form>
        """;

    [Fact]
    public async Task DuplicateUrls_AreAllStored_UnderDistinctPermalinks()
    {
        var url = ReleaseFileText.UrlFor("same-address");
        var copy = new ReleaseFileText { Title = "Exact copy", Url = url }.ToText("copy.md");
        Source.WriteRaw("2020/01/copy.md", copy);
        Source.WriteRaw("2020/02/copy.md", copy);
        Source.Write("other-date.md", "Same address, another day", date: "2021-06-07", url: url);
        Source.Write("other.md", "Unrelated release");

        var report = await store.IngestAsync();

        Assert.Equal((4, 0), (report.Added, report.Rejected));
        await using var db = store.NewDb();
        var slugs = await db.Releases.AsNoTracking().OrderBy(r => r.SourcePath).Select(r => r.Slug).ToListAsync();
        Assert.Equal(["same-address", "same-address-2020-01-15", "same-address-2021-06-07", "other"], slugs);
        foreach (var slug in slugs)
        {
            Assert.NotNull(await store.Catalog.FindAsync(slug));
        }

        var again = await store.IngestAsync();
        Assert.Equal((0, 0, 4), (again.Added, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task FileNamesWithSpacesAndNonAsciiCharacters_AreStoredAndReportedUnderTheirNames()
    {
        string[] names = ["2020/03/Media release – Māori health.md", "with  two spaces.md", "名前のリリース.md", "e\u0301cole-nfd.md", "école-nfc.md", "emoji 🥝 kiwi.md", "sub folder/ümlaut.md"];
        for (var i = 0; i < names.Length; i++)
        {
            Source.Write(names[i], $"Release {i}", url: ReleaseFileText.UrlFor($"release-{i}"));
        }

        Source.WriteRaw("broken – Ōtautahi.md", "no front matter\n");

        var report = await store.IngestAsync();

        Assert.Equal((names.Length, 1), (report.Added, report.Rejected));
        Assert.Equal("broken – Ōtautahi.md", Assert.Single(report.Errors).File);
        for (var i = 0; i < names.Length; i++)
        {
            var release = await StoredAsync(names[i]);
            Assert.Equal($"Release {i}", release.Title);
            Assert.Equal($"release-{i}", release.Slug);
        }

        var again = await store.IngestAsync();
        Assert.Equal((0, 0, names.Length, 0), (again.Added, again.Updated, again.Unchanged, again.Removed));
    }
}

public sealed class SafeReadingOnSqliteTests() : SafeReadingTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class SafeReadingOnPostgreSqlTests() : SafeReadingTests(StoreProvider.PostgreSql);
