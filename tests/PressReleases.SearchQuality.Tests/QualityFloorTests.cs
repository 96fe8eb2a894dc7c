namespace PressReleases.SearchQuality.Tests;

/// <summary>The per-kind floor check itself (no corpus): it names the kind that falls, and only that one.</summary>
public sealed class QualityFloorTests
{
    private static readonly Dictionary<string, QualityFloor> Floors = new(StringComparer.Ordinal)
    {
        ["gist"] = new(0.80, 0.90),
        ["typo"] = new(0.50, 0.60),
    };

    [Fact]
    public void Check_KindBelowItsMrrFloor_NamesTheKind()
    {
        var problems = QualityFloors.Check([Summary("gist", mrr: 0.79, recall: 0.95), Summary("typo", mrr: 0.9, recall: 0.9)], Floors);

        var problem = Assert.Single(problems);
        Assert.Contains("'gist'", problem, StringComparison.Ordinal);
        Assert.Contains("MRR 0.790", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KindBelowItsRecallFloor_NamesTheKind()
    {
        var problems = QualityFloors.Check([Summary("typo", mrr: 0.9, recall: 0.5)], Floors);

        Assert.Contains("'typo': recall@10 0.500", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KindWithoutFloor_IsReported()
    {
        var problems = QualityFloors.Check([Summary("quote", mrr: 1, recall: 1)], Floors);

        Assert.Contains("'quote'", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryKindAtOrAboveItsFloor_PassesQuietly()
    {
        Assert.Empty(QualityFloors.Check([Summary("gist", mrr: 0.80, recall: 0.90), Summary("typo", mrr: 1, recall: 1)], Floors));
    }

    private static QualitySummary Summary(string kind, double mrr, double recall) => new(kind, 10, mrr, recall, recall, 10, 0);
}
