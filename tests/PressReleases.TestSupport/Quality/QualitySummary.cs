namespace PressReleases.TestSupport.Quality;

/// <summary>The scores of a group of judged queries (a kind, a split, a kind in a split, or all).</summary>
public sealed record QualitySummary(string Name, int Queries, double Mrr, double RecallAt10, double FoundInTop10, int FoundDirectly, int FoundViaSuggestion)
{
    public static QualitySummary Of(string name, IReadOnlyCollection<QueryOutcome> outcomes) => new(
        name,
        outcomes.Count,
        Mean(outcomes, o => o.ReciprocalRank),
        Mean(outcomes, o => o.RecallAt10),
        Mean(outcomes, o => o.FoundInTop10 ? 1 : 0),
        outcomes.Count(o => o.FoundDirectly),
        outcomes.Count(o => o.FoundViaSuggestion));

    private static double Mean(IReadOnlyCollection<QueryOutcome> outcomes, Func<QueryOutcome, double> score) =>
        outcomes.Count == 0 ? 0 : outcomes.Average(score);
}

/// <summary>A kind's scores over all its queries and over each split.</summary>
public sealed record KindSummary(QualitySummary All, QualitySummary Tune, QualitySummary Holdout)
{
    public string Kind => All.Name;
}

/// <summary>The least MRR and recall@10 a kind (or the whole set) may score.</summary>
public sealed record QualityFloor(double Mrr, double RecallAt10);

public static class QualityFloors
{
    /// <summary>
    /// One message per kind below a floor, naming the kind, the score and the floor; also one per kind with queries but
    /// no floor, so a new kind cannot go unguarded. Empty when every kind holds.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<QualitySummary> kinds, IReadOnlyDictionary<string, QualityFloor> floors)
    {
        var problems = new List<string>();
        foreach (var kind in kinds.Where(k => k.Queries > 0))
        {
            if (!floors.TryGetValue(kind.Name, out var floor))
            {
                problems.Add($"kind '{kind.Name}' has {kind.Queries} queries but no floor");
                continue;
            }

            if (kind.Mrr < floor.Mrr)
            {
                problems.Add($"kind '{kind.Name}': MRR {QualityReport.F(kind.Mrr)} is below its floor {QualityReport.F(floor.Mrr)}");
            }

            if (kind.RecallAt10 < floor.RecallAt10)
            {
                problems.Add($"kind '{kind.Name}': recall@10 {QualityReport.F(kind.RecallAt10)} is below its floor {QualityReport.F(floor.RecallAt10)}");
            }
        }

        return problems;
    }
}
