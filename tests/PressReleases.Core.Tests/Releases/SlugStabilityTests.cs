namespace PressReleases.Core.Tests.Releases;

/// <summary>
/// Slugs are permalinks and facet keys: once published they must never change. Every text in the full
/// corpus that a slug is made from must give exactly the slug the pre-change rule (<see cref="LegacySlugs"/>) gave.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public sealed class SlugStabilityTests
{
    private const int ShownDifferences = 50;

    // The corpus holds 55,167 files; every one the parser accepts gives a title and a url segment,
    // and nearly all name at least one minister and one portfolio.
    private const int AtLeastPerSource = 50_000;

    [Fact]
    public void EveryCorpusMinisterPortfolioTitleAndUrlSegment_GivesTheSlugItAlwaysHad()
    {
        var corpus = CorpusSlugInputs.Read(RepoPaths.RequireCorpusFolder());

        var changed = corpus.Inputs.AsParallel()
            .Select(input => (Input: input, Legacy: LegacySlugs.From(input.Text)))
            .Where(pair => pair.Input.Slug != pair.Legacy)
            .ToList();
        var shown = changed
            .OrderBy(pair => pair.Input.File, StringComparer.Ordinal).ThenBy(pair => pair.Input.Source)
            .Take(ShownDifferences)
            .Select(pair => $"{pair.Input.File}: {pair.Input.Source} \"{Visible(pair.Input.Text)}\" was '{pair.Legacy}', is now '{pair.Input.Slug}'");
        Assert.True(changed.Count == 0, $"{changed.Count} slugs differ from the slugs made so far (first {ShownDifferences}):\n" + string.Join("\n", shown));

        // Not vacuous: the whole corpus was read, and every kind of slug was checked many times over.
        foreach (var source in Enum.GetValues<SlugSource>())
        {
            var count = corpus.CountOf(source);
            Assert.True(count > AtLeastPerSource,
                $"only {count:N0} {source} slugs were checked ({corpus.FilesRead:N0} files read, {corpus.FilesRejected:N0} rejected)");
        }
    }

    /// <summary>Text with every non-ASCII character also shown as its code point, so a decomposed "a\u0304" is told apart from "ā".</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => c <= '\u007F' ? c.ToString() : $"{c}<U+{(int)c:X4}>"));
}
