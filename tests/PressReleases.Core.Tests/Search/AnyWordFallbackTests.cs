using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>When no release has all the plain words, the releases with any of them are shown (and flagged).</summary>
public sealed class AnyWordFallbackTests : SampleSearchTestBase
{
    [Fact]
    public async Task NoReleaseHasBothWords_ShowsReleasesWithEither_AndSaysSo()
    {
        Assert.Empty(SampleReleases.Containing("japan", "tourism"));
        var expected = Sorted(SampleReleases.Containing("japan").Concat(SampleReleases.Containing("tourism")));

        var result = await SearchAsync("japan tourism");

        Assert.True(result.MatchedAnyWord);
        Assert.Equal(expected.Count, result.Total);
        Assert.Equal(expected, Sorted(result.Items.Select(h => h.Slug)));
        Assert.StartsWith("no release has all of: japan, tourism; showing releases with any of them", result.InterpretedAs);
    }

    [Fact]
    public async Task AReleaseHasBothWords_NoFallback()
    {
        var both = SampleReleases.Containing("japan", "trade");
        Assert.NotEmpty(both);

        var result = await SearchAsync("japan trade");

        Assert.False(result.MatchedAnyWord);
        Assert.Equal(both, Sorted(result.Items.Select(h => h.Slug)));
        Assert.Equal("all of: japan, trade", result.InterpretedAs);
    }

    [Fact]
    public async Task ExclusionsAndFilters_StillApplyToTheFallback()
    {
        var either = SampleReleases.Containing("japan").Concat(SampleReleases.Containing("tourism"));

        // -earthquake still excludes.
        var withoutEarthquake = Sorted(either.Except(SampleReleases.Containing("earthquake")));
        var result = await SearchAsync("japan tourism -earthquake");
        Assert.True(result.MatchedAnyWord);
        Assert.Equal(withoutEarthquake, Sorted(result.Items.Select(h => h.Slug)));
        Assert.Contains("none of: earthquake", result.InterpretedAs);

        // A minister filter still narrows: John Key's releases only.
        var keys = SampleReleases.All.Where(r => r.Value.Ministers.Any(m => m.Contains("John Key", StringComparison.Ordinal))).Select(r => r.Key).ToHashSet();
        var filtered = await SearchAsync(new SearchRequest { Query = "japan tourism", Ministers = ["john-key"], PageSize = SearchRequest.MaxPageSize });
        Assert.True(filtered.MatchedAnyWord);
        Assert.Equal(Sorted(either.Where(keys.Contains)), Sorted(filtered.Items.Select(h => h.Slug)));

        // A phrase is one of the alternatives, kept whole.
        var phrase = await SearchAsync("\"trade talks\" tourism");
        Assert.True(phrase.MatchedAnyWord);
        Assert.Equal(Sorted(SampleReleases.Containing("tourism").Append("japan-trade")), Sorted(phrase.Items.Select(h => h.Slug)));
    }

    [Fact]
    public async Task OneWord_OrNothingFoundEitherWay_NoFallback()
    {
        var one = await SearchAsync("zeppelin");
        Assert.Equal(0, one.Total);
        Assert.False(one.MatchedAnyWord);

        // A required title: word is a filter, not a plain word: "zeppelin" and it are not widened.
        var titled = await SearchAsync("title:budget zeppelin");
        Assert.Equal(0, titled.Total);
        Assert.False(titled.MatchedAnyWord);

        // Neither word anywhere: the strict (empty) result is returned as it is.
        var neither = await SearchAsync("zeppelin blimp");
        Assert.Equal(0, neither.Total);
        Assert.False(neither.MatchedAnyWord);
    }

    [Fact]
    public void Parser_AnyWord_WidensOnlyThePlainWords()
    {
        var parser = new UserQueryParser(new ReleaseAnalyzer());
        var names = new Dictionary<string, string>();
        var parsed = parser.Parse("japan \"free trade\" title:budget -whaling", names, names, anyWord: true);

        Assert.True(parsed.MatchesAnyWord);
        Assert.Equal(["japan", "\"free trade\""], parsed.PlainClauses);
        Assert.Equal("no release has all of: japan, \"free trade\"; showing releases with any of them; all of: title:budget; none of: whaling", parsed.InterpretedAs);

        // One plain word: nothing to widen, read as usual.
        var single = parser.Parse("japan title:budget", names, names, anyWord: true);
        Assert.False(single.MatchesAnyWord);
        Assert.Equal("all of: title:budget, japan", single.InterpretedAs);
    }
}
