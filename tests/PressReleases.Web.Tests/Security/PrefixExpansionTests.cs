using System.Globalization;
using PressReleases.Core.Search.Querying;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// More releases than a prefix may expand to, each with a word of its own sharing one prefix: with the
/// bound, a search for the prefix matches exactly as many releases as it may expand to words.
/// </summary>
public sealed class PrefixExpansionFixture() : WrittenFilesFixture("prefix-expansion")
{
    public const string Prefix = "zqw";

    public const int Words = UserQueryParser.MaxPrefixExpansions + 44;

    public static string Word(int i) => Prefix + i.ToString("000", CultureInfo.InvariantCulture);

    protected override IReadOnlyList<ReleaseSpec> Releases { get; } = Enumerable.Range(0, Words)
        .Select(i => ReleaseSpec.Make(
            $"prefix-release-{i}", $"Prefix release {i}", "2020-01-01", ["Hon Pat Prefix"], ["Testing"],
            $"This release alone mentions {Word(i)} among ordinary words."))
        .ToList();
}

public sealed class PrefixExpansionTests(PrefixExpansionFixture site) : IClassFixture<PrefixExpansionFixture>
{
    [Fact]
    public async Task PrefixMatchingMoreWordsThanTheBound_IsExpandedToTheBoundOnly()
    {
        // Each word is in one release, so the releases found count the words the prefix was expanded to.
        var list = await site.Client.GetReleaseListAsync($"q={PrefixExpansionFixture.Prefix}*&pageSize=1");
        Assert.Equal(UserQueryParser.MaxPrefixExpansions, list.Total);

        // Every word is there to be found: it is the expansion, not the index, that stops at the bound.
        var last = await site.Client.GetReleaseListAsync("q=" + PrefixExpansionFixture.Word(PrefixExpansionFixture.Words - 1));
        Assert.Equal(1, last.Total);
        Assert.Equal(PrefixExpansionFixture.Words, (await site.Client.GetReleaseListAsync("q=ordinary&pageSize=1")).Total);
    }

    [Fact]
    public async Task PageAndTheExport_ApplyTheSameBound()
    {
        var page = ListingPage.Parse(await site.Client.GetPageAsync($"/releases?q={PrefixExpansionFixture.Prefix}*"));
        Assert.Equal(UserQueryParser.MaxPrefixExpansions, page.Count);

        var ndjson = await site.Client.GetStringAsync($"/api/releases.ndjson?q={PrefixExpansionFixture.Prefix}*");
        Assert.Equal(UserQueryParser.MaxPrefixExpansions, ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
