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
        var page = await corpus.Client.GetPageAsync("/releases/customs-levies-bill-passes-first-reading");

        var section = page.QuerySelector("section.reannounce");
        Assert.NotNull(section);
        Assert.NotNull(section.QuerySelector(".reannounce__first-here"));
        var item = Assert.Single(section.QuerySelectorAll("li"));
        Assert.Equal("/releases/customs-levies-bill-passes", item.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("2025-09-17", item.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("(85% of this release’s text)", item.QuerySelector(".reannounce__share")?.TextContent.Trim());
        Assert.Null(item.QuerySelector(".reannounce__badge"));
    }

    [Fact]
    public async Task ThePassing_LinksTheFirstReading_MarkedAsTheFirstAppearance()
    {
        var page = await corpus.Client.GetPageAsync("/releases/customs-levies-bill-passes");

        var section = page.QuerySelector("section.reannounce");
        Assert.NotNull(section);
        Assert.Null(section.QuerySelector(".reannounce__first-here"));
        var item = Assert.Single(section.QuerySelectorAll("li"));
        Assert.Equal("/releases/customs-levies-bill-passes-first-reading", item.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("2025-01-29", item.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("(92% of this release’s text)", item.QuerySelector(".reannounce__share")?.TextContent.Trim());
        Assert.Equal("First appearance", item.QuerySelector(".reannounce__badge")?.TextContent.Trim());
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
}
