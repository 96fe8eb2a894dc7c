using System.Collections.Concurrent;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// The project's own analyzer, so "contains a word" means what it means to the engine: a word's term is the one
/// the body field indexes (folded, stop words dropped, Porter-stemmed). One analyzer per thread; the stem of a
/// whole word is cached, since the corpus repeats its words endlessly.
/// </summary>
public sealed class Analysis : IDisposable
{
    private readonly ThreadLocal<ReleaseAnalyzer> analyzers = new(() => new ReleaseAnalyzer(), trackAllValues: true);
    private readonly ConcurrentDictionary<string, string> stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> shared = new(StringComparer.Ordinal);

    /// <summary>The whole words of a text as the words field keeps them: lower case, folded, possessives removed, no stemming.</summary>
    public IReadOnlyList<string> Words(string text) => analyzers.Value!.Terms(IndexFields.Words, text);

    /// <summary>The stemmed terms of a text, stop words left out: the title and body fields' terms.</summary>
    public IReadOnlyList<string> Terms(string text) => analyzers.Value!.Terms(IndexFields.Body, text);

    /// <summary>The term of one whole word (from <see cref="Words"/>), or "" for a stop word.</summary>
    public string StemOfWord(string word) =>
        stems.GetOrAdd(word, w => Terms(w) is [var only] ? Share(only) : "");

    /// <summary>One string object per distinct term, so the corpus' term sets share their strings.</summary>
    public string Share(string term) => shared.GetOrAdd(term, term);

    /// <summary>
    /// The body field's terms in order with the positions the index gives them (a stop word leaves a gap): two
    /// texts hold the same phrase when their terms and gaps agree.
    /// </summary>
    public IReadOnlyList<(string Term, int Position)> Positions(string text) => analyzers.Value!.TermsWithPositions(IndexFields.Body, text);

    public void Dispose()
    {
        foreach (var analyzer in analyzers.Values)
        {
            analyzer.Dispose();
        }

        analyzers.Dispose();
    }
}
