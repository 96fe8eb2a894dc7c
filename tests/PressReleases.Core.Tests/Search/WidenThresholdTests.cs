using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>A query that enough releases match in full is answered by those alone; one fewer and those missing a word follow.</summary>
public sealed class WidenThresholdTests
{
    [Theory]
    [InlineData(SearchService.WidenBelow, false)]
    [InlineData(SearchService.WidenBelow - 1, true)]
    public async Task ReleasesMissingAWord_FollowOnlyWhenFewerThanWidenBelowHaveEveryWord(int withBoth, bool widened)
    {
        await using var store = await TestStore.CreateAsync();
        for (var i = 0; i < withBoth; i++)
        {
            store.Source.Write($"both-{i}.md", $"Harbour works {i}", body: $"Dredging of the harbour, stage {i}.");
        }

        for (var i = 0; i < 5; i++)
        {
            store.Source.Write($"one-{i}.md", $"Port report {i}", body: $"The harbour is busy, report {i}.");
        }

        await store.IngestAsync();
        var result = await store.SearchAsync("harbour dredging");

        Assert.Equal(widened, result.Words is not null);
        Assert.Equal(widened ? withBoth + 5 : withBoth, result.Total);
        Assert.All(result.Items.Take(withBoth), hit => Assert.StartsWith("both-", hit.Slug, StringComparison.Ordinal));
    }
}
