using System.Globalization;
using PressReleases.CorpusGenerator;
using PressReleases.CorpusGenerator.Judged;

// Deterministic synthetic corpus generator (issue #5). Usage: see Usage below, or README in this folder.
const string Usage = """
    PressReleases.CorpusGenerator: synthetic releases with the real corpus' statistics, marked synthetic.

      generate --count N --out DIR [--seed S] [--stats FILE] [--verify]
          (the verb may be left out) write N releases into DIR/YYYY/MM/, DIR new or empty
      verify --out DIR [--count N] [--stats FILE]
          parse every file with the real parser and check the synthetic marks and distributions
      stats --corpus DIR --out FILE
          read the real corpus and write the statistics generation uses (checked in as corpus-stats.json)
      queries --corpus DIR --out FILE [--count N]
          write N (default 50000) distinct real queries for the load tests (tests/load/queries.txt)
      judged --corpus DIR --out FILE [--seed S]
          generate the search-quality judged queries from the real corpus into FILE, keeping its
          hand-written queries (tests/PressReleases.SearchQuality.Tests/judged-queries.json; seed 1)
    """;

var verbs = new[] { "generate", "verify", "stats", "queries", "judged" };
var verb = args.Length > 0 && verbs.Contains(args[0]) ? args[0] : "generate";
var options = Options.Parse(verbs.Contains(args.FirstOrDefault()) ? args[1..] : args);
if (options is null || args.Contains("--help") || args.Contains("-h"))
{
    Console.Error.WriteLine(Usage);
    return options is null ? 2 : 0;
}

var statsPath = options.GetValueOrDefault("stats") ?? Path.Combine(AppContext.BaseDirectory, "corpus-stats.json");
switch (verb)
{
    case "stats" when options.ContainsKey("corpus") && options.ContainsKey("out"):
        var stats = StatsCollector.Collect(options["corpus"]!);
        stats.Save(options["out"]!);
        Console.WriteLine($"read {stats.Files:N0} files ({stats.Rejected} unreadable), wrote {options["out"]}");
        return 0;
    case "queries" when options.ContainsKey("corpus") && options.ContainsKey("out"):
        return QueryListBuilder.Build(options["corpus"]!, options["out"]!, int.Parse(options.GetValueOrDefault("count") ?? "50000", CultureInfo.InvariantCulture));
    case "judged" when options.ContainsKey("corpus") && options.ContainsKey("out"):
        return JudgedSetGenerator.Run(options["corpus"]!, options["out"]!, ulong.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture), Console.Out);
    case "verify" when options.ContainsKey("out"):
        return CorpusVerifier.Verify(options["out"]!, options.TryGetValue("count", out var c) ? long.Parse(c!, CultureInfo.InvariantCulture) : null, statsPath);
    case "generate" when options.ContainsKey("out") && options.ContainsKey("count"):
        var count = long.Parse(options["count"]!, CultureInfo.InvariantCulture);
        var seed = ulong.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture);
        var result = CorpusWriter.Generate(count, options["out"]!, seed, statsPath);
        return result != 0 || !options.ContainsKey("verify") ? result : CorpusVerifier.Verify(options["out"]!, count, statsPath);
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
