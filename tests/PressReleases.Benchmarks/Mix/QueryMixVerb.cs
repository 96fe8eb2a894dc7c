using PressReleases.Benchmarks.Cli;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Suggestions;

namespace PressReleases.Benchmarks.Mix;

/// <summary>
/// <c>querymix</c>: the query mix in process, through <see cref="SearchService.SearchAsync"/> exactly as the
/// search page calls it (20 highlighted hits, minister/portfolio/year facets; the spelling check runs inside
/// every search). Optional lines for spelling suggestions alone and for related releases.
/// </summary>
public static class QueryMixVerb
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var data = await BenchData.OpenAsync(BenchPaths.DataFolder, BenchPaths.CorpusFolder, output, cancellationToken);
        var mix = QueryMixBuilder.Build(BenchPaths.CorpusFolder, BenchPaths.JudgedQueriesFile);
        MixReport.Describe(mix, output);

        // What the mix finds (also shows the mix is not a list of empty searches).
        var results = new List<SearchResult>(mix.Count);
        foreach (var query in mix)
        {
            results.Add(await data.Search.SearchAsync(query.ToRequest(), cancellationToken));
        }

        output.WriteLine($"index: {data.Releases:N0} releases; mix results: {results.Count(r => r.Total == 0)} with none, " +
                         $"{results.Count(r => r.Words is not null)} listing releases that lack a word, {results.Count(r => r.DidYouMean is not null)} with a did-you-mean, " +
                         $"median total {LatencyStats.Median(results.Select(r => (double)r.Total).ToList()):N0}");
        MixReport.Machine(output);

        var runner = new MixRunner(output, options.Passes, options.Runs);
        var searches = mix.Select(q => new MixOperation(q.ToString(), async ct =>
        {
            // The service never throws on user input, so every completed call counts; an exception ends the verb.
            await data.Search.SearchAsync(q.ToRequest(), ct);
            return true;
        })).ToList();
        var outcome = await runner.RunAsync("search (query + facets + 20 highlighted hits)", searches, cancellationToken);
        var errors = outcome.Errors;

        if (options.Suggest)
        {
            errors += (await RunSuggestAsync(data, mix, runner, output, cancellationToken)).Errors;
        }

        if (options.Related)
        {
            var slugs = results.Where(r => r.Items.Count > 0).Select(r => r.Items[0].Slug).Distinct(StringComparer.Ordinal).ToList();
            var related = slugs.Select(slug => new MixOperation($"related {slug}", async ct =>
            {
                await data.Search.RelatedAsync(slug, 5, ct);
                return true;
            })).ToList();
            errors += (await runner.RunAsync("related releases (5) of each query's top hit", related, cancellationToken)).Errors;
        }

        MixReport.Machine(output);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// Suggestions alone (<see cref="SpellingSuggester.Suggest"/>) for a misspelled version of every query with
    /// words: the longest word of five or more letters loses its middle letter ("geothermal" → "geothrmal").
    /// </summary>
    private static async Task<MixOutcome> RunSuggestAsync(BenchData data, IReadOnlyList<MixQuery> mix, MixRunner runner, TextWriter output, CancellationToken cancellationToken)
    {
        var speller = new SpellingSuggester(data.Index.Analyzer);
        var (ministers, portfolios) = await data.Catalog.NamesAsync(cancellationToken);
        var inputs = mix.Select(q => q.Text is { } text ? Misspell(text) : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        string? Suggest(string input)
        {
            using var lease = data.Index.LeaseSearcher();
            var searcher = lease.Searcher;
            return speller.Suggest(input, searcher.IndexReader, ministers, portfolios);
        }

        output.WriteLine($"suggest: {inputs.Count} misspelled queries, {inputs.Count(i => Suggest(i) is not null)} get a suggestion");
        var operations = inputs.Select(input => new MixOperation($"suggest {input}", _ =>
        {
            Suggest(input);
            return Task.FromResult(true);
        })).ToList();
        return await runner.RunAsync("spelling suggestions alone", operations, cancellationToken);
    }

    private static string? Misspell(string text)
    {
        var words = text.Split(' ');
        var longest = words.Select((w, i) => (Word: w.Trim('"'), Index: i)).Where(x => x.Word.Length >= 5 && x.Word.All(char.IsLetter))
            .OrderByDescending(x => x.Word.Length).ThenBy(x => x.Index).FirstOrDefault();
        if (longest.Word is null)
        {
            return null;
        }

        words[longest.Index] = words[longest.Index].Replace(longest.Word, longest.Word.Remove(longest.Word.Length / 2, 1), StringComparison.Ordinal);
        return string.Join(' ', words);
    }
}
