using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>
/// A site where one release was edited twice after its first ingest (three versions), one never was, and one was
/// withdrawn: each edit is a file rewritten in the source folder and ingested again, as on a live site.
/// </summary>
public sealed class RevisionsFixture() : WrittenFilesFixture("revisions")
{
    public const string HostileText = "<script>alert(1)</script> <img src=x onerror=alert(2)>";

    public static readonly ReleaseSpec Edited = ReleaseSpec.Make(
        "budget-day-announced", "Budget day announced", "2020-01-15", ["Hon Grant Robertson"], ["Finance"],
        "The Budget will be delivered on 14 May.\n\nIt will focus on wellbeing.\n\nMore details will follow.");

    /// <summary>The first edit: a title word, a body word and a minister changed, and a paragraph (with markup as text) added.</summary>
    public static readonly ReleaseSpec EditedTwice = Edited with
    {
        Title = "Budget day confirmed",
        Ministers = ["Hon Grant Robertson", "Hon Chris Hipkins"],
        Body = $"The Budget will be delivered on 21 May.\n\nIt will focus on wellbeing.\n\nMore details will follow.\n\nQuoted: {HostileText}",
    };

    /// <summary>The second edit: the date, and a paragraph removed.</summary>
    public static readonly ReleaseSpec EditedThrice = EditedTwice with
    {
        Date = "2020-01-16",
        Body = $"The Budget will be delivered on 21 May.\n\nMore details will follow.\n\nQuoted: {HostileText}",
    };

    public static readonly ReleaseSpec Unedited = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06", ["Hon Ben Otherperson"], ["Transport"], "Repairs to the harbour bridge start on Monday.");

    public static readonly ReleaseSpec Withdrawn = ReleaseSpec.Make(
        "quokkaberry-trial-announced", "Quokkaberry trial announced", "2019-03-05", ["Aroha Testperson"], ["Conservation"], "A trial of the quokkaberry will start in spring.");

    protected override IReadOnlyList<ReleaseSpec> Releases => [Edited, Unedited, Withdrawn];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var ingester = Factory.Services.GetRequiredService<Ingester>();
        ReleaseFileWriter.Write(SourceFolder, EditedTwice);
        File.Delete(Path.Combine(SourceFolder, Withdrawn.FileName));
        var firstEdit = await ingester.IngestAsync(SourceFolder);
        Assert.Equal((1, 1), (firstEdit.Updated, firstEdit.Removed));

        // An ingest that finds nothing changed between the edits: the second version is seen again, nothing is kept.
        Assert.Equal(2, (await ingester.IngestAsync(SourceFolder)).Unchanged);
        ReleaseFileWriter.Write(SourceFolder, EditedThrice);
        Assert.Equal(1, (await ingester.IngestAsync(SourceFolder)).Updated);
    }
}

/// <summary>The release page's "edited after publication" notice and /releases/{slug}/history, over real HTTP.</summary>
public sealed class ReleaseHistoryPageTests(RevisionsFixture site) : IClassFixture<RevisionsFixture>
{
    private static readonly string EditedSlug = RevisionsFixture.Edited.Slug;

    private static readonly string HistoryUrl = $"/releases/{EditedSlug}/history";

    private HttpClient Client => site.Client;

    private static IElement Version(IParentNode page, int number) =>
        page.QuerySelector($"section.history__version[aria-labelledby='version-{number}']") ?? throw new Xunit.Sdk.XunitException($"no section for version {number}");

    private static string Text(IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text of the marks of one kind (del or ins) in <paramref name="scope"/>, without their hidden labels.</summary>
    private static List<string> Marked(IElement scope, string tag) =>
        [.. scope.QuerySelectorAll(tag).Select(mark => Text(mark).Replace("[removed: ", "", StringComparison.Ordinal).Replace("[added: ", "", StringComparison.Ordinal).TrimEnd(']'))];

    [Fact]
    public async Task ReleasePage_OfAnEditedRelease_SaysSo_WithTheDatesSeen_AndLinksItsHistory()
    {
        var page = await Client.GetPageAsync($"/releases/{EditedSlug}");

        var notice = page.QuerySelector(".edited-notice");
        Assert.NotNull(notice);
        Assert.StartsWith("Edited after publication.", Text(notice), StringComparison.Ordinal);
        Assert.Contains("3 versions", Text(notice), StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([today, today, today], notice.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Equal(HistoryUrl, notice.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ReleasePage_OfAnUneditedRelease_HasNoNotice()
    {
        var page = await Client.GetPageAsync($"/releases/{RevisionsFixture.Unedited.Slug}");

        Assert.NotNull(page.QuerySelector(".release__body"));
        Assert.Null(page.QuerySelector(".edited-notice"));
    }

    [Fact]
    public async Task HistoryPage_ListsEveryVersionNewestFirst_WithWhenEachWasSeen()
    {
        var page = await Client.GetPageAsync(HistoryUrl);

        Assert.Equal("History of “Budget day confirmed”", Text(page.QuerySelector("h1")));
        Assert.Equal(["Version 3 (current)", "Version 2", "Version 1"], page.QuerySelectorAll("section.history__version h2").Select(Text));
        foreach (var number in new[] { 1, 2, 3 })
        {
            var times = Version(page, number).QuerySelectorAll(".history__seen time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, times.Count);
            Assert.True(times[0] <= times[1], $"version {number} was last seen before it was first seen");
        }

        Assert.Contains("The first version this site saw.", Text(Version(page, 1)), StringComparison.Ordinal);
        Assert.Equal($"/releases/{EditedSlug}", Version(page, 3).QuerySelector("a[href^='/releases/']:not([href$='history'])")?.GetAttribute("href"));
        Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task HistoryPage_MarksTheWordsAndNamesEachEditRemovedAndAdded()
    {
        var page = await Client.GetPageAsync(HistoryUrl);

        var second = Version(page, 2);
        Assert.Equal("Changes from version 1", Text(second.QuerySelector("h3")));
        var fields = second.QuerySelector("dl.history__fields")!;
        Assert.Equal(["Title", "Ministers"], fields.QuerySelectorAll("dt").Select(Text));
        Assert.Equal(["announced", "14"], Marked(second, "del"));
        Assert.Equal(["confirmed", "Chris Hipkins", "21", $"Quoted: {RevisionsFixture.HostileText}"], Marked(second, "ins"));
        Assert.Equal(
            ["The Budget will be delivered on [removed: 14] [added: 21] May.", "2 unchanged paragraphs", $"[added: Quoted: {RevisionsFixture.HostileText}]"],
            second.QuerySelectorAll(".history__body p").Select(Text));

        var third = Version(page, 3);
        Assert.Equal(["Date"], third.QuerySelectorAll("dl.history__fields dt").Select(Text));
        Assert.Equal(["15 January 2020", "It will focus on wellbeing."], Marked(third, "del"));
        Assert.Equal(["16 January 2020"], Marked(third, "ins"));
        Assert.Equal(["1 unchanged paragraph", "[removed: It will focus on wellbeing.]", "2 unchanged paragraphs"], third.QuerySelectorAll(".history__body p").Select(Text));
    }

    [Fact]
    public async Task HistoryPage_MarksChangesForScreenReaders_AndNotByColourAlone()
    {
        var page = await Client.GetPageAsync(HistoryUrl);

        var marks = page.QuerySelectorAll("section.history__version del, section.history__version ins").ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark =>
        {
            var hidden = mark.QuerySelector(".visually-hidden");
            Assert.NotNull(hidden);
            Assert.Equal(mark.LocalName == "del" ? "[removed:" : "[added:", hidden.TextContent.Trim());
            Assert.Equal(mark.LocalName == "del" ? "history__del" : "history__ins", mark.ClassName);
        });
    }

    [Fact]
    public async Task HistoryPage_KeepsEachEarlierVersionsText_AndShowsMarkupAsText()
    {
        var page = await Client.GetPageAsync(HistoryUrl);

        Assert.Empty(page.QuerySelectorAll("script, img, iframe"));
        Assert.Contains(RevisionsFixture.HostileText, Text(Version(page, 2).QuerySelector(".history__body")), StringComparison.Ordinal);
        var first = Version(page, 1).QuerySelector("details.history__text");
        Assert.NotNull(first);
        Assert.Contains("Budget day announced", Text(first.QuerySelector("dl")), StringComparison.Ordinal);
        Assert.Equal(["The Budget will be delivered on 14 May.", "It will focus on wellbeing.", "More details will follow."], first.QuerySelectorAll(".release__body p").Select(Text));
        Assert.Null(Version(page, 3).QuerySelector("details"));
    }

    [Fact]
    public async Task HistoryPage_OfAnUneditedRelease_SaysNoEditsWereSeen()
    {
        var page = await Client.GetPageAsync($"/releases/{RevisionsFixture.Unedited.Slug}/history");

        Assert.StartsWith("No edits seen", Text(page.QuerySelector(".notice")), StringComparison.Ordinal);
        Assert.Equal(["Version 1 (current)"], page.QuerySelectorAll("section.history__version h2").Select(Text));
        Assert.Empty(page.QuerySelectorAll("del, ins"));
    }

    [Fact]
    public async Task HistoryPage_OfAnUnknownRelease_Is404_AndOfAWithdrawnOne_410_StillShowingItsVersions()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetHtmlAsync("/releases/no-such-release/history")).Status);

        var gone = await Client.GetHtmlAsync($"/releases/{RevisionsFixture.Withdrawn.Slug}/history");
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("withdrawn", Text(gone.Document.QuerySelector(".notice--warning")), StringComparison.Ordinal);
        Assert.Equal(["Version 1 (current)"], gone.Document.QuerySelectorAll("section.history__version h2").Select(Text));
    }

    [Fact]
    public async Task HistoryPage_CarriesValidators_AndAnswers304ToACurrentCopy()
    {
        // The page's version follows the store's, which a node learns within a second of a change (docs/api.md, caching):
        // wait until two reads agree, so the copy below is current rather than one from just before the site settled.
        var etag = (await Client.GetAsync(HistoryUrl)).Headers.ETag;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(100);
            var again = (await Client.GetAsync(HistoryUrl)).Headers.ETag;
            if (Equals(again, etag))
            {
                break;
            }

            etag = again;
        }

        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, HistoryUrl);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.NotEqual(etag, (await Client.GetAsync($"/releases/{RevisionsFixture.Unedited.Slug}/history")).Headers.ETag);
    }
}
