using PressReleases.Core.Releases;
using PressReleases.SearchQuality.Tests.TestSupport;

namespace PressReleases.SearchQuality.Tests;

/// <summary>The judged set itself is well formed (no corpus needed).</summary>
public sealed class JudgedSetTests
{
    /// <summary>Minimum queries per category, as the set was specified (docs/search-quality.md).</summary>
    private static readonly Dictionary<string, int> MinimumPerCategory = new(StringComparer.Ordinal)
    {
        ["known-item"] = 15,
        ["topic"] = 8,
        ["minister-topic"] = 5,
        ["folding"] = 5,
        ["stemming-possessive"] = 5,
        ["phrase"] = 5,
    };

    private readonly JudgedQuerySet set = JudgedQuerySet.Load(QualityFiles.JudgedQueries);

    [Fact]
    public void JudgedSet_HasEnoughQueriesInEveryCategory()
    {
        Assert.True(set.Queries.Count >= 45, $"The set has {set.Queries.Count} queries; it needs at least 45.");
        foreach (var (category, minimum) in MinimumPerCategory)
        {
            var count = set.Queries.Count(q => q.Category == category);
            Assert.True(count >= minimum, $"Category '{category}' has {count} queries; it needs at least {minimum}.");
        }
    }

    [Fact]
    public void EveryQuery_IsWellFormed()
    {
        var problems = new List<string>();
        foreach (var duplicate in set.Queries.GroupBy(q => q.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"id {duplicate.Key} is used {duplicate.Count()} times");
        }

        foreach (var q in set.Queries)
        {
            if (!set.Categories.ContainsKey(q.Category))
            {
                problems.Add($"{q.Id}: unknown category '{q.Category}'");
            }

            if (string.IsNullOrWhiteSpace(q.Query))
            {
                problems.Add($"{q.Id}: empty query");
            }

            if (string.IsNullOrWhiteSpace(q.Note))
            {
                problems.Add($"{q.Id}: no note on why these releases are the answers");
            }

            if (q.Relevant.Count is < 1 or > 5)
            {
                problems.Add($"{q.Id}: {q.Relevant.Count} judged releases (1 to 5 allowed)");
            }

            if (q.Relevant.Distinct(StringComparer.Ordinal).Count() != q.Relevant.Count)
            {
                problems.Add($"{q.Id}: a judged release is listed twice");
            }

            problems.AddRange(q.Relevant.Where(s => !Slugs.IsSafe(s)).Select(s => $"{q.Id}: '{s}' is not a release slug"));
        }

        Assert.True(problems.Count == 0, "The judged set has problems:\n" + string.Join("\n", problems));
    }
}
