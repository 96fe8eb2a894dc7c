using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PressReleases.Benchmarks.Cli;
using PressReleases.Benchmarks.Mix;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Benchmarks.Search;

/// <summary>
/// <c>phrase-floor</c>: the least a phrase search costs in this index, whatever the search page does around it. Each
/// phrase runs as a bare Lucene phrase query over the body field alone, top ten by score, with none of what the page
/// adds (the title field, proximity, facets, highlighting, the spelling check); beside it, the same words as a plain
/// conjunction, which finds the releases holding every word without checking where. The difference is what checking
/// positions costs: for a phrase of common words, the positions of each word in every release that holds them all.
/// Its median is a floor under the page's time for that phrase (docs/performance.md, "A million releases").
/// </summary>
internal static class PhraseFloorVerb
{
    /// <summary>The phrases slowest in the query mix over a million synthetic releases.</summary>
    public static readonly IReadOnlyList<string> DefaultPhrases = ["free trade agreement", "state of national emergency"];

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var data = await BenchData.OpenAsync(BenchPaths.DataFolder, BenchPaths.CorpusFolder, output, cancellationToken);
        using var lease = data.Index.LeaseSearcher();
        var searcher = lease.Searcher;
        output.WriteLine($"index: {data.Releases:N0} releases in {lease.Reader.Leaves.Count} segment(s); {options.Passes} timed passes per query after 3 untimed");
        MixReport.Machine(output);

        foreach (var text in options.Phrases.Count > 0 ? options.Phrases : DefaultPhrases)
        {
            var terms = data.Index.Analyzer.TermsWithPositions(IndexFields.Body, text);
            var phrase = new PhraseQuery();
            var conjunction = new BooleanQuery();
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(IndexFields.Body, term), position);
                conjunction.Add(new TermQuery(new Term(IndexFields.Body, term)), Occur.MUST);
            }

            var (withAll, allTimes) = Time(searcher, conjunction, options.Passes);
            var (withPhrase, phraseTimes) = Time(searcher, phrase, options.Passes);
            output.WriteLine($"\"{text}\" (terms {string.Join(' ', terms.Select(t => $"{t.Term}@{t.Position}"))}): " +
                             $"{withAll:N0} releases hold every word, {withPhrase:N0} the phrase; " +
                             $"conjunction median {LatencyStats.Median(allTimes):F2} ms (max {allTimes.Max():F2}), " +
                             $"phrase median {LatencyStats.Median(phraseTimes):F2} ms (max {phraseTimes.Max():F2})");
        }

        return 0;
    }

    /// <summary>The query's hit count and the time of each timed pass, in milliseconds.</summary>
    private static (int Hits, List<double> Times) Time(IndexSearcher searcher, Query query, int passes)
    {
        var hits = 0;
        var times = new List<double>(passes);
        for (var pass = -3; pass < passes; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            hits = searcher.Search(query, 10).TotalHits;
            if (pass >= 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return (hits, times);
    }
}
