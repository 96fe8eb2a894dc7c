namespace PressReleases.Core.Search;

/// <summary>
/// Everything a listing without words depends on (never the page asked for): its pass (<see cref="ScopePass"/>) is
/// kept per index reader and answers every page. Selections are compared as sorted sets.
/// </summary>
internal readonly record struct WordlessScope(string Ministers, string Portfolios, DateOnly? From, DateOnly? To, ReleaseStatus Status, SearchSort Sort)
{
    /// <summary>
    /// Passes that visit fewer releases are not kept: counting a narrow listing again (a portfolio in one year) costs
    /// less than holding it, and they are many; a minister's releases, every release, or a span of years are kept.
    /// </summary>
    public const int KeptFromVisited = 5_000;

    /// <summary>How many passes one index reader keeps: about 40 KB for the largest (every release, newest first).</summary>
    public const int MaxKept = 1_024;

    public static WordlessScope Of(SearchRequest request) => new(
        Joined(request.Ministers), Joined(request.Portfolios), request.From, request.To, request.Status, request.EffectiveSort);

    private static string Joined(IReadOnlyList<string> slugs) =>
        slugs.Count switch
        {
            0 => "",
            1 => slugs[0],
            _ => string.Join('\n', slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        };
}
