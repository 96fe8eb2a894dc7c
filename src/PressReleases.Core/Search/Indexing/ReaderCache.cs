using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// Results worked out from one index reader, kept while searches use that reader: anything that depends only on
/// the index and its key (a listing without words, a release's related releases) is then computed once per index
/// change rather than once per request. Entries belong to one reader: a call with another (newer) reader starts a
/// new set, so nothing is served from before a change. A result is kept only when <c>keep</c> says it is worth
/// holding (a cheap one is computed again), and at most <c>maxEntries</c> of them: the first ones asked for after a
/// change, which bounds the memory without an eviction policy on the hot path.
/// </summary>
public sealed class ReaderCache<TKey, TValue>(int maxEntries, Func<TValue, bool>? keep = null)
    where TKey : notnull
{
    private Generation current = new(null);

    /// <summary>The value of <paramref name="key"/> on <paramref name="reader"/>: kept from an earlier call with the same reader, or worked out now by <paramref name="compute"/>.</summary>
    public TValue GetOrAdd(IndexReader reader, TKey key, Func<TValue> compute)
    {
        var generation = Volatile.Read(ref current);
        if (!ReferenceEquals(generation.Reader, reader))
        {
            // A newer reader (or, briefly, an older searcher still leased): values of different readers never mix.
            generation = new Generation(reader);
            Volatile.Write(ref current, generation);
        }

        if (generation.Values.TryGetValue(key, out var kept))
        {
            return kept.Value;
        }

        // Concurrent requests for the same key wait for one computation instead of each doing it.
        var added = generation.Values.GetOrAdd(key, new Lazy<TValue>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
        var value = added.Value;
        if ((keep is not null && !keep(value)) || generation.Values.Count > maxEntries)
        {
            generation.Values.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, added));
        }

        return value;
    }

    private sealed class Generation(IndexReader? reader)
    {
        public IndexReader? Reader { get; } = reader;

        public ConcurrentDictionary<TKey, Lazy<TValue>> Values { get; } = new();
    }
}
