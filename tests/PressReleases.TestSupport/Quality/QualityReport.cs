using System.Globalization;
using System.Text;

namespace PressReleases.TestSupport.Quality;

/// <summary>A run's figures per kind and split, and the markdown report (every query with the rank of each judged release).</summary>
public sealed class QualityReport(JudgedQuerySet set, IReadOnlyList<QueryOutcome> outcomes)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public QualitySummary Overall { get; } = QualitySummary.Of("all", outcomes.ToList());

    public IReadOnlyList<QualitySummary> BySplit { get; } = JudgedSplits.All
        .Select(s => QualitySummary.Of(s, outcomes.Where(o => o.Judged.Split == s).ToList()))
        .ToList();

    public IReadOnlyList<KindSummary> ByKind { get; } = set.CategoryOrder
        .Select(kind => outcomes.Where(o => o.Judged.Category == kind).ToList())
        .Where(kind => kind.Count > 0)
        .Select(kind => new KindSummary(
            QualitySummary.Of(kind[0].Judged.Category, kind),
            QualitySummary.Of(kind[0].Judged.Category, kind.Where(o => o.Judged.Split == JudgedSplits.Tune).ToList()),
            QualitySummary.Of(kind[0].Judged.Category, kind.Where(o => o.Judged.Split == JudgedSplits.Holdout).ToList())))
        .ToList();

    public IReadOnlyList<QueryOutcome> Outcomes => outcomes;

    /// <summary>
    /// The table of kinds: all queries, then each split (MRR, recall@10 and the share found in the top 10). Floors,
    /// when given, get a column of their own.
    /// </summary>
    public string KindTable(IReadOnlyDictionary<string, QualityFloor>? floors = null, QualityFloor? overallFloor = null)
    {
        var md = new StringBuilder();
        md.Append("| kind | queries | MRR | recall@10 | found@10 | tune: n | MRR | recall@10 | holdout: n | MRR | recall@10 |");
        md.Append(floors is null ? "\n" : " floors (MRR / recall@10) |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").Append(floors is null ? "\n" : "---|\n");
        foreach (var kind in ByKind)
        {
            var floor = floors?.GetValueOrDefault(kind.Kind);
            Row(md, kind.Kind, kind.All, kind.Tune, kind.Holdout, floors is null ? null : floor is null ? "none" : $"{F(floor.Mrr)} / {F(floor.RecallAt10)}");
        }

        var overallFloorText = overallFloor is null ? "" : $"{F(overallFloor.Mrr)} / {F(overallFloor.RecallAt10)}";
        Row(md, "**all**", Overall, BySplit[0], BySplit[1], floors is null ? null : overallFloorText);
        return md.ToString();
    }

    /// <summary>How the typo queries were found: on their own first page, only through "Did you mean", or not at all.</summary>
    public string TypoLine()
    {
        var typos = outcomes.Where(o => o.Judged.FollowsSuggestion).ToList();
        if (typos.Count == 0)
        {
            return "";
        }

        var direct = typos.Count(o => o.FoundDirectly);
        var viaSuggestion = typos.Count(o => o.FoundViaSuggestion);
        var suggested = typos.Count(o => !string.IsNullOrWhiteSpace(o.Result.DidYouMean));
        return string.Create(Invariant, $"Typo queries: {direct} of {typos.Count} found directly, {viaSuggestion} more only through \"Did you mean\" " +
                                        $"({direct + viaSuggestion} of {typos.Count} found in all; a suggestion was made for {suggested}).");
    }

    /// <summary>One line per imperfect query: where its judged releases stand (first 100 hits when diagnosed) and what came first.</summary>
    public IEnumerable<string> ImperfectLines() => outcomes.Where(o => !o.IsPerfect).Select(o =>
    {
        var ranks = string.Join(", ", o.Judged.Relevant.Select((slug, i) => o.Ranks[i]?.ToString(Invariant) ?? (o.Deeper is null ? "-" : $"({o.DeepRank(slug)})")));
        var first = o.Top.FirstOrDefault() is { } hit ? $"top: {hit.Title}" : "no hits";
        var suggestion = string.IsNullOrWhiteSpace(o.Result.DidYouMean) ? "" : $" dym '{o.Result.DidYouMean}'{(o.FoundViaSuggestion ? " (counted)" : "")};";
        return string.Create(Invariant, $"{o.Judged.Id} [{o.Judged.Split}] `{o.Judged.Query}` ranks {ranks}; RR {F(o.ReciprocalRank)};{Widened(o.Result)}{suggestion} {o.Result.Total:N0} hits; {first}");
    });

    public string ToMarkdown(string context, QualityFloor overallFloor, IReadOnlyDictionary<string, QualityFloor> kindFloors)
    {
        var md = new StringBuilder();
        md.Append("# Search quality\n\n").Append(context).Append("\n\n");
        md.Append(Invariant, $"Overall over {Overall.Queries} queries: **MRR {F(Overall.Mrr)}**, **recall@10 {F(Overall.RecallAt10)}** ")
          .Append(Invariant, $"(floors: MRR {F(overallFloor.Mrr)}, recall@10 {F(overallFloor.RecallAt10)}). found@10: the share of queries with a judged release in the top 10.\n\n");
        md.Append(KindTable(kindFloors, overallFloor)).Append('\n').Append(TypoLine()).Append("\n\n");

        md.Append("## Every query\n\nRanks are those of the judged releases, in the order the set lists them (`-`: not in the top 10). ")
          .Append("`most words`: fewer than 20 releases had every word, so releases with most of them were listed after them (`any word`: none had every word); `dym`: the did-you-mean suggestion (`counted`: a typo query found only through it, scored on its page).\n\n");
        md.Append("| id | kind | split | query | ranks | RR | R@10 | hits | notes |\n|---|---|---|---|---|---:|---:|---:|---|\n");
        foreach (var o in outcomes)
        {
            var ranks = string.Join(", ", o.Ranks.Select(r => r?.ToString(Invariant) ?? "-"));
            var notes = new List<string>();
            if (o.Result.Words is not null)
            {
                notes.Add(o.Result.MatchedAnyWord ? "any word" : "most words");
            }

            if (!string.IsNullOrEmpty(o.Result.DidYouMean))
            {
                notes.Add($"dym: {o.Result.DidYouMean}{(o.FoundViaSuggestion ? " (counted)" : "")}");
            }

            md.Append(Invariant, $"| {o.Judged.Id} | {o.Judged.Category} | {o.Judged.Split} | {Cell(o.Judged.Query)} | {ranks} | {F(o.ReciprocalRank)} | {F(o.RecallAt10)} | {o.Result.Total:N0} | {Cell(string.Join("; ", notes))} |\n");
        }

        var imperfect = outcomes.Where(o => !o.IsPerfect).ToList();
        md.Append(Invariant, $"\n## Queries below a perfect score ({imperfect.Count}: {outcomes.Count(o => o.RecallAt10 < 1)} miss a judged release, the others rank their first judged release below 1)\n\n")
          .Append("How the engine read the query, where each judged release stands in the first 100 hits (diagnosis only, not scored), and what it put first.\n");
        foreach (var o in imperfect)
        {
            md.Append(Invariant, $"\n### {o.Judged.Id} `{o.Judged.Query}` — RR {F(o.ReciprocalRank)}, recall@10 {F(o.RecallAt10)}, {o.Result.Total:N0} hits{(o.Result.Words is { } w ? $" ({w.AllWordsTotal:N0} with every word, then at least {w.Minimum} of {w.Words})" : "")}\n\n");
            md.Append("- read as: ").Append(o.Counted.InterpretedAs ?? "(nothing)").Append('\n');
            md.Append("- made: ").Append(o.Judged.Note).Append('\n');
            foreach (var slug in o.Judged.Relevant)
            {
                md.Append("- judged `").Append(slug).Append("`: rank ").Append(o.DeepRank(slug)).Append('\n');
            }

            foreach (var (hit, i) in o.Top.Take(5).Select((h, i) => (h, i)))
            {
                md.Append(Invariant, $"- top {i + 1}: `{hit.Slug}` ({hit.Date?.ToString("yyyy-MM-dd", Invariant) ?? "undated"}) {hit.Title}\n");
            }
        }

        return md.ToString();
    }

    public static string F(double value) => value.ToString("0.000", Invariant);

    private static void Row(StringBuilder md, string name, QualitySummary all, QualitySummary tune, QualitySummary holdout, string? floor)
    {
        md.Append(Invariant, $"| {name} | {all.Queries} | {F(all.Mrr)} | {F(all.RecallAt10)} | {F(all.FoundInTop10)} ")
          .Append(Invariant, $"| {tune.Queries} | {Score(tune, tune.Mrr)} | {Score(tune, tune.RecallAt10)} ")
          .Append(Invariant, $"| {holdout.Queries} | {Score(holdout, holdout.Mrr)} | {Score(holdout, holdout.RecallAt10)} |");
        md.Append(floor is null ? "\n" : $" {floor} |\n");
    }

    /// <summary>A split with no queries of the kind (hand-written kinds have no tune split) shows a dash, not a zero.</summary>
    private static string Score(QualitySummary summary, double value) => summary.Queries == 0 ? "-" : F(value);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>" most words;" when releases missing a word were listed (" any word;" when none had every word), else nothing.</summary>
    private static string Widened(Core.Search.SearchResult result) =>
        result.Words is null ? "" : result.MatchedAnyWord ? " any word;" : " most words;";
}
