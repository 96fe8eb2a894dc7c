using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>
/// Paragraph permalinks on a release page: ids p1, p2, … with a link each; a citation of one paragraph on the page
/// (<c>?p=N</c>) and in the BibTeX and RIS files; numbers unchanged by a re-ingest that leaves the body alone.
/// </summary>
public sealed class ParagraphPermalinkTests : IAsyncLifetime
{
    private static readonly string[] Paragraphs =
    [
        "The harbour bridge will close for repairs on Monday.",
        "Buses will replace the ferry service while the work goes on.",
        "The work is expected to take three weeks.",
    ];

    private static readonly ReleaseSpec Bridge = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06",
        ["Hon Ben Otherperson"], ["Transport"], string.Join("\n\n", Paragraphs));

    private const string Page = "/releases/harbour-bridge-repairs";

    private readonly TempDirectory temp = new("paragraph-permalinks");
    private string source = null!;
    private PressReleasesFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [Bridge]);
        factory = new PressReleasesFactory(source, temp.Sub("data"));
        client = factory.CreateTestClient();
        await factory.WaitForReleasesAsync(client, 1);
    }

    [Fact]
    public async Task EveryParagraph_HasAnAnchor_AndAVisibleLinkToIt()
    {
        var document = await client.GetPageAsync(Page);

        var paragraphs = document.QuerySelectorAll(".release__body p").ToList();
        Assert.Equal(Paragraphs.Length, paragraphs.Count);
        for (var i = 0; i < Paragraphs.Length; i++)
        {
            var n = i + 1;
            Assert.Equal($"p{n}", paragraphs[i].Id);
            Assert.StartsWith(Paragraphs[i], paragraphs[i].TextContent, StringComparison.Ordinal);
            var link = paragraphs[i].QuerySelector("a.paragraph-link");
            Assert.NotNull(link);
            Assert.Equal($"{Page}?p={n}#p{n}", link.GetAttribute("href"));
            Assert.Equal($"Link to paragraph {n}", link.GetAttribute("aria-label"));
            Assert.False(string.IsNullOrWhiteSpace(link.TextContent));
        }
    }

    [Fact]
    public async Task OpenedAtAParagraph_TheCitationBoxCitesIt()
    {
        var document = await client.GetPageAsync($"{Page}?p=2");

        Assert.Equal("Cite paragraph 2 of this release", document.QuerySelector("#cite-heading")?.TextContent.Trim());
        Assert.Contains($"http://localhost{Page}#p2", document.QuerySelector(".citation")!.TextContent, StringComparison.Ordinal);
        var downloads = document.QuerySelectorAll(".citation__downloads a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{Page}/cite.bib?p=2", $"{Page}/cite.ris?p=2"], downloads);
        Assert.Equal($"http://localhost{Page}", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheCitationFiles_TargetTheParagraph()
    {
        var bib = await client.GetStringAsync($"{Page}/cite.bib?p=3");
        var ris = await client.GetStringAsync($"{Page}/cite.ris?p=3");

        Assert.Contains($"\\url{{http://localhost{Page}}}, paragraph 3}}", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("#", bib, StringComparison.Ordinal);
        Assert.Contains($"N1  - Retrieved from PressReleases: http://localhost{Page}#p3", ris, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?p=4")]
    [InlineData("?p=0")]
    [InlineData("?p=two")]
    public async Task AParagraphTheReleaseDoesNotHave_CitesTheWholeRelease(string query)
    {
        var document = await client.GetPageAsync(Page + query);
        var bib = await client.GetStringAsync($"{Page}/cite.bib{query}");

        Assert.Equal("Cite this release", document.QuerySelector("#cite-heading")?.TextContent.Trim());
        Assert.DoesNotContain("paragraph", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenedFromASearch_TheParagraphsKeepTheirAnchors()
    {
        var document = await client.GetPageAsync($"{Page}?q=ferry");

        Assert.NotNull(document.QuerySelector("#p2 mark"));
        Assert.Equal(Paragraphs.Length, document.QuerySelectorAll(".release__body p[id^=p] a.paragraph-link").Length);
    }

    [Fact]
    public async Task AReIngestThatLeavesTheBodyAlone_KeepsEveryAnchor()
    {
        var before = await AnchorsAsync();

        ReleaseFileWriter.Write(source, Bridge with { Title = "Harbour bridge repairs start Monday" });
        var report = await factory.Services.GetRequiredService<Ingester>().IngestAsync(source);
        Assert.Equal(1, report.Updated);

        var page = await client.GetPageAsync(Page);
        Assert.Equal("Harbour bridge repairs start Monday", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(before, await AnchorsAsync());
    }

    private async Task<List<(string Id, string Text)>> AnchorsAsync()
    {
        var document = await client.GetPageAsync(Page);
        return document.QuerySelectorAll(".release__body p").Select(p => (p.Id!, p.TextContent)).ToList();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        temp.Dispose();
    }
}
