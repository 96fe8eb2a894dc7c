namespace PressReleases.Benchmarks.Cli;

public static class Usage
{
    public const string Hint = "Run with --help for the verbs and their options.";

    public const string Text = """
        PressReleases benchmarks (issue #5). Run from the repository root:
          dotnet run -c Release --project tests/PressReleases.Benchmarks -- <verb> [options]

        Verbs:
          bdn [BenchmarkDotNet args]   BenchmarkDotNet micro-benchmarks: parsing, rendering, analyzer, indexing a
                                       batch, query paths over the full-corpus index. E.g. --filter '*Parse*'
                                       --job short; --list flat lists them.
          querymix                     In-process latency of the query mix (judged + derived queries), each as the
                                       search page asks it: p50/p90/p99/max and the slowest queries.
              --passes N               timed passes over the mix per run (default 5)
              --runs K                 repeat K runs, then report median and range of p50/p99 (default 1)
              --suggest                also time spelling suggestions for misspelled versions of the mix
              --related                also time related releases of each query's top hit
          httpmix                      The same mix, one sequential client, against GET /api/releases of a running site.
              --url URL                the site (default http://127.0.0.1:5080)
              --passes N, --runs K     as for querymix
          quality                      Search quality: every judged query through SearchService as the search-quality
                                       test runs it; MRR, recall@10 and found@10 per kind and split.
              --queries FILE           the judged query set (default tests/PressReleases.SearchQuality.Tests/judged-queries.json)
              --split S                tune, holdout or all (default all)
              --kind K                 only queries of kind K (e.g. gist, typo, known-item)
              --verbose                also each imperfect query: its answers' ranks (first 100 hits) and the top hit
          build-data                   Build (or check and reuse) the full-corpus data directory and exit.
          ingest-floor                 The least a cold ingest could take here: parse/render/sanitize every file, then
                                       a minimal index of the bodies alone (then merged into one segment), each
                                       stage alone on every core; last, the site's own index with every field.
          phrase-floor                 The least a phrase search costs in the index: a bare phrase query over the
                                       body alone, beside the same words as a conjunction; median and max per phrase.
              --phrase TEXT            a phrase to time (repeatable; default the mix's slowest at a million releases)
              --passes N               timed passes per query (default 5)

        Options for every verb:
          --data DIR     data directory of the full corpus (env PRESSRELEASES_BENCH_DATA; default /tmp/pressreleases-bench-data)
          --corpus DIR   release files (env PRESSRELEASES_BENCH_CORPUS; default ../shared/corpus/beehive/releases)

        The first verb that needs the index ingests the corpus into the data directory (about a minute or more);
        later runs reuse it. Exit codes: 0 done, 1 failed (or errors in a mix), 64 usage, 130 cancelled.
        """;
}
