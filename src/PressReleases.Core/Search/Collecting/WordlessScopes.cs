using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace PressReleases.Core.Search.Collecting;

/// <summary>
/// Passes over listings without words (the browse pages, a minister's or a portfolio's releases, their feeds, the
/// home page), kept until the index changes. Such a listing depends only on its selections, dates, status and order,
/// never on the page asked for, yet counting its facets means visiting every release it covers: 55,000 for the plain
/// browse pages, most of their cost. One pass collects the whole reachable window, so every page of the listing is
/// then answered from it. Entries belong to one index reader: a search on a newer reader starts a new set, so nothing
/// is served from before a change. Only passes that visited at least <see cref="MinVisited"/> releases are kept
/// (a narrow listing is cheaper to count again than to hold), and at most <see cref="MaxEntries"/> of them: the
/// first ones asked for after a change, which keeps the memory bounded (about 40 KB for the largest).
/// </summary>
internal sealed class WordlessScopes(int minVisited = WordlessScopes.MinVisited, int maxEntries = WordlessScopes.MaxEntries)
{
    public const int MinVisited = 1_000;

    public const int MaxEntries = 512;

    private Generation current = new(null);

    /// <summary>The pass of <paramref name="key"/> on <paramref name="reader"/>: kept from an earlier search on the same reader, or run now by <paramref name="run"/>.</summary>
    public ScopePass GetOrRun(IndexReader reader, WordlessScope key, Func<ScopePass> run)
    {
        var generation = Volatile.Read(ref current);
        if (!ReferenceEquals(generation.Reader, reader))
        {
            // A newer reader (or, briefly, an older searcher still leased): passes of different readers never mix.
            generation = new Generation(reader);
            Volatile.Write(ref current, generation);
        }

        if (generation.Passes.TryGetValue(key, out var kept))
        {
            return kept.Value;
        }

        var pass = new Lazy<ScopePass>(run, LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = generation.Passes.GetOrAdd(key, pass);
        var result = shared.Value;
        if (result.Visited < minVisited || generation.Passes.Count > maxEntries)
        {
            generation.Passes.TryRemove(new KeyValuePair<WordlessScope, Lazy<ScopePass>>(key, shared));
        }

        return result;
    }

    private sealed class Generation(IndexReader? reader)
    {
        public IndexReader? Reader { get; } = reader;

        public ConcurrentDictionary<WordlessScope, Lazy<ScopePass>> Passes { get; } = new();
    }
}

/// <summary>Everything a listing without words depends on. Selections are compared as sorted sets.</summary>
internal readonly record struct WordlessScope(string Ministers, string Portfolios, DateOnly? From, DateOnly? To, ReleaseStatus Status, SearchSort Sort)
{
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
