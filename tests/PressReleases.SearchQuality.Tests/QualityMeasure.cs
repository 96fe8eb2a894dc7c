using System.Globalization;
using System.Text;
using PressReleases.Core.Search;

namespace PressReleases.SearchQuality.Tests;

/// <summary>What one judged query got: the first page and where each judged release stands on it.</summary>
public sealed record QueryOutcome(JudgedQuery Judged, SearchResult Result)
{
    public const int Depth = 10;

    /// <summary>For diagnosis only (never scored): the first 100 hits, searched for queries that are not perfect.</summary>
    public SearchResult? Deeper { get; init; }

    public bool IsPerfect => ReciprocalRank >= 1 && RecallAt10 >= 1;

    /// <summary>Where a judged release stands in <see cref="Deeper"/>: "14", "not among the 37 hits", "below 100".</summary>
    public string DeepRank(string slug)
    {
        if (Deeper is null)
        {
            return "?";
        }

        for (var i = 0; i < Deeper.Items.Count; i++)
        {
            if (Deeper.Items[i].Slug == slug)
            {
                return (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return Deeper.Total <= Deeper.Items.Count ? $"not among the {Deeper.Total:N0} hits" : $"below {Deeper.Items.Count}";
    }

    public IReadOnlyList<SearchHit> Top => Result.Items.Take(Depth).ToList();

    /// <summary>1-based rank of each judged slug in the top <see cref="Depth"/>, or null when it is not there.</summary>
    public IReadOnlyList<int?> Ranks => Judged.Relevant
        .Select(slug => Top.Select((hit, i) => (hit, i)).Where(x => x.hit.Slug == slug).Select(x => (int?)(x.i + 1)).FirstOrDefault())
        .ToList();

    /// <summary>1 / rank of the first judged release in the top 10; 0 when none is there.</summary>
    public double ReciprocalRank => Ranks.Where(r => r is not null).Select(r => 1.0 / r!.Value).DefaultIfEmpty(0).Max();

    /// <summary>The fraction of the judged releases that are in the top 10.</summary>
    public double RecallAt10 => (double)Ranks.Count(r => r is not null) / Judged.Relevant.Count;
}

public sealed record Summary(string Name, int Queries, double Mrr, double RecallAt10)
{
    public static Summary Of(string name, IReadOnlyCollection<QueryOutcome> outcomes) => new(
        name,
        outcomes.Count,
        outcomes.Count == 0 ? 0 : outcomes.Average(o => o.ReciprocalRank),
        outcomes.Count == 0 ? 0 : outcomes.Average(o => o.RecallAt10));
}

/// <summary>The run's figures and the markdown report (every query with the rank of each judged release).</summary>
public sealed class QualityReport(JudgedQuerySet set, IReadOnlyList<QueryOutcome> outcomes)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Summary Overall { get; } = Summary.Of("all", outcomes.ToList());

    public IReadOnlyList<Summary> ByCategory { get; } = set.CategoryOrder
        .Select(c => Summary.Of(c, outcomes.Where(o => o.Judged.Category == c).ToList()))
        .Where(s => s.Queries > 0)
        .ToList();

    public IReadOnlyList<QueryOutcome> Outcomes => outcomes;

    public string ToMarkdown(string context, double mrrFloor, double recallFloor)
    {
        var md = new StringBuilder();
        md.Append("# Search quality\n\n").Append(context).Append("\n\n");
        md.Append(Invariant, $"Overall over {Overall.Queries} queries: **MRR {F(Overall.Mrr)}**, **recall@10 {F(Overall.RecallAt10)}** ")
          .Append(Invariant, $"(floors: MRR {F(mrrFloor)}, recall@10 {F(recallFloor)}).\n\n");

        md.Append("| category | queries | MRR | recall@10 |\n|---|---:|---:|---:|\n");
        foreach (var s in ByCategory.Append(Overall))
        {
            md.Append(Invariant, $"| {s.Name} | {s.Queries} | {F(s.Mrr)} | {F(s.RecallAt10)} |\n");
        }

        md.Append("\n## Every query\n\nRanks are those of the judged releases, in the order the set lists them (`-`: not in the top 10). ")
          .Append("`any-word`: no release had all the words, so the engine fell back to any word; `dym`: the did-you-mean suggestion.\n\n");
        md.Append("| id | category | query | ranks | RR | R@10 | hits | notes |\n|---|---|---|---|---:|---:|---:|---|\n");
        foreach (var o in outcomes)
        {
            var ranks = string.Join(", ", o.Ranks.Select(r => r?.ToString(Invariant) ?? "-"));
            var notes = new List<string>();
            if (o.Result.MatchedAnyWord)
            {
                notes.Add("any-word");
            }

            if (!string.IsNullOrEmpty(o.Result.DidYouMean))
            {
                notes.Add($"dym: {o.Result.DidYouMean}");
            }

            md.Append(Invariant, $"| {o.Judged.Id} | {o.Judged.Category} | {Cell(o.Judged.Query)} | {ranks} | {F(o.ReciprocalRank)} | {F(o.RecallAt10)} | {o.Result.Total:N0} | {Cell(string.Join("; ", notes))} |\n");
        }

        var imperfect = outcomes.Where(o => !o.IsPerfect).ToList();
        md.Append(Invariant, $"\n## Queries below a perfect score ({imperfect.Count}: {outcomes.Count(o => o.RecallAt10 < 1)} miss a judged release, the others rank their first judged release below 1)\n\n")
          .Append("How the engine read the query, where each judged release stands in the first 100 hits (diagnosis only, not scored), and what it put first.\n");
        foreach (var o in imperfect)
        {
            md.Append(Invariant, $"\n### {o.Judged.Id} `{o.Judged.Query}` — RR {F(o.ReciprocalRank)}, recall@10 {F(o.RecallAt10)}, {o.Result.Total:N0} hits{(o.Result.MatchedAnyWord ? " (any-word fallback)" : "")}\n\n");
            md.Append("- read as: ").Append(o.Result.InterpretedAs ?? "(nothing)").Append('\n');
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

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
