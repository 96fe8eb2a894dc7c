using AngleSharp.Dom;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Reannouncements;

/// <summary>
/// A known near-duplicate pair from the real export: the Customs levies bill's first reading (29 January 2025) and its
/// passing (17 September 2025), whose texts are largely the same. Measured over the full corpus, 85.9% of the first
/// reading's five-word runs are in the later release and 92% of the later one's are in the first reading
/// (docs/reannouncements.md); each links only the other.
/// </summary>
public sealed class CustomsLeviesFixture() : SiteFixture("reannouncement-corpus-pair")
{
    public static readonly string[] Files =
    [
        "2025/01/2025-01-29-customs-levies-bill-passes-first-reading.md",
        "2025/09/2025-09-17-customs-levies-bill-passes.md",
    ];

    protected override string PrepareSourceFolder()
    {
        var corpus = RepoPaths.RequireCorpusFolder();
        var target = Path.Combine(TempPath, "releases");
        foreach (var file in Files)
        {
            var copy = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(corpus, file), copy);
        }

        return target;
    }

    protected override int CountExpectedReleases() => Files.Length;
}

[Trait(TestCategories.Key, TestCategories.Corpus)]
public sealed class CorpusPairTests(CustomsLeviesFixture corpus) : IClassFixture<CustomsLeviesFixture>
{
    [Fact]
    public async Task TheFirstReading_LinksThePassing_AndIsTheFirstAppearance()
    {
        var (section, item) = await OnlyLinkAsync("customs-levies-bill-passes-first-reading");

        Assert.Equal("First appearance: this release is the earliest with this text.", PageText.Of(section.QuerySelector(".reannounce__first-here")));
        Assert.Equal(
            ("/releases/customs-levies-bill-passes", "2025-09-17", "(85% of this release’s text)", ""),
            Describe(item));
    }

    [Fact]
    public async Task ThePassing_LinksTheFirstReading_MarkedAsTheFirstAppearance()
    {
        var (section, item) = await OnlyLinkAsync("customs-levies-bill-passes");

        Assert.Null(section.QuerySelector(".reannounce__first-here"));
        Assert.Equal(
            ("/releases/customs-levies-bill-passes-first-reading", "2025-01-29", "(92% of this release’s text)", "First appearance"),
            Describe(item));
    }

    [Fact]
    public async Task TheApi_SaysTheSame()
    {
        var response = await corpus.Client.GetJsonAsync("/api/releases/customs-levies-bill-passes");

        var link = Assert.Single(response.Root.GetProperty("reannouncements").EnumerateArray());
        Assert.Equal(
            ("customs-levies-bill-passes-first-reading", 0.92, 0.859, true),
            (link.GetProperty("slug").GetString(), link.GetProperty("share").GetDouble(), link.GetProperty("otherShare").GetDouble(), link.GetProperty("first").GetBoolean()));
    }

    /// <summary>The release page's re-announcement section and its one link.</summary>
    private async Task<(IElement Section, IElement Item)> OnlyLinkAsync(string slug)
    {
        var page = await corpus.Client.GetPageAsync($"/releases/{slug}");
        var section = page.QuerySelector("section.reannounce");
        Assert.NotNull(section);
        return (section, Assert.Single(section.QuerySelectorAll("li")));
    }

    private static (string? Href, string? Date, string Share, string Badge) Describe(IElement item) => (
        item.QuerySelector("a")?.GetAttribute("href"),
        item.QuerySelector("time")?.GetAttribute("datetime"),
        PageText.Of(item.QuerySelector(".reannounce__share")),
        PageText.Of(item.QuerySelector(".reannounce__badge")));
}
