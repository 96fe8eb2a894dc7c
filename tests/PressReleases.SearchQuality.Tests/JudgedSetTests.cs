using PressReleases.Core.Releases;
using PressReleases.SearchQuality.Tests.TestSupport;

namespace PressReleases.SearchQuality.Tests;

/// <summary>The judged set itself is well formed (no corpus needed).</summary>
public sealed class JudgedSetTests
{
    /// <summary>
    /// Minimum queries per kind, as the set was specified (docs/search-quality.md): the hand-written categories, then the
    /// generated kinds (minister-topic holds 6 hand-written and 20 generated queries).
    /// </summary>
    private static readonly Dictionary<string, int> MinimumPerKind = new(StringComparer.Ordinal)
    {
        ["known-item"] = 15,
        ["topic"] = 8,
        ["minister-topic"] = 25,
        ["folding"] = 5,
        ["stemming-possessive"] = 5,
        ["phrase"] = 5,
        ["title"] = 30,
        ["gist"] = 40,
        ["gist-absent"] = 40,
        ["quote"] = 20,
        ["stem"] = 20,
        ["macron"] = 15,
        ["typo"] = 15,
        ["topic-year"] = 20,
    };

    private static readonly string[] Sources = ["hand-written", "generated"];

    private readonly JudgedQuerySet set = JudgedQuerySet.Load(QualityFiles.JudgedQueries);

    [Fact]
    public void JudgedSet_HasEnoughQueriesOfEveryKind()
    {
        Assert.True(set.Queries.Count >= 200, $"The set has {set.Queries.Count} queries; it needs at least 200.");
        var tooFew = MinimumPerKind
            .Select(m => (Kind: m.Key, Minimum: m.Value, Count: set.Queries.Count(q => q.Category == m.Key)))
            .Where(m => m.Count < m.Minimum)
            .Select(m => $"kind '{m.Kind}' has {m.Count} queries; it needs at least {m.Minimum}")
            .ToList();
        Assert.True(tooFew.Count == 0, string.Join("\n", tooFew));
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
                problems.Add($"{q.Id}: unknown kind '{q.Category}'");
            }

            if (string.IsNullOrWhiteSpace(q.Query))
            {
                problems.Add($"{q.Id}: empty query");
            }

            if (string.IsNullOrWhiteSpace(q.Note))
            {
                problems.Add($"{q.Id}: no note on why these releases are the answers");
            }

            if (!JudgedSplits.All.Contains(q.Split))
            {
                problems.Add($"{q.Id}: split '{q.Split}' is neither '{JudgedSplits.Tune}' nor '{JudgedSplits.Holdout}'");
            }

            if (!Sources.Contains(q.Source))
            {
                problems.Add($"{q.Id}: source '{q.Source}' is neither {string.Join(" nor ", Sources)}");
            }
            else if (q.Source == "hand-written" && q.Split != JudgedSplits.Holdout)
            {
                problems.Add($"{q.Id}: a hand-written query must be held out");
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

    [Fact]
    public void GeneratedKinds_AreSplitInHalves()
    {
        var unbalanced = set.Queries
            .Where(q => q.Source == "generated")
            .GroupBy(q => q.Category)
            .Select(g => (Kind: g.Key, Tune: g.Count(q => q.Split == JudgedSplits.Tune), Holdout: g.Count(q => q.Split == JudgedSplits.Holdout)))
            .Where(k => Math.Abs(k.Tune - k.Holdout) > 1)
            .Select(k => $"kind '{k.Kind}': {k.Tune} tune, {k.Holdout} holdout")
            .ToList();
        Assert.True(unbalanced.Count == 0, "Generated kinds must be split in halves:\n" + string.Join("\n", unbalanced));
    }

    [Fact]
    public void EveryGistAbsentQuery_IsItsGistQueryPlusOneWord()
    {
        var byId = set.Queries.ToDictionary(q => q.Id);
        var problems = new List<string>();
        foreach (var twin in set.Queries.Where(q => q.Category == JudgedKinds.GistAbsent))
        {
            if (twin.From is null || !byId.TryGetValue(twin.From, out var gist) || gist.Category != JudgedKinds.Gist)
            {
                problems.Add($"{twin.Id}: 'from' ({twin.From ?? "missing"}) names no gist query");
                continue;
            }

            var added = twin.Query.Split(' ').Length - gist.Query.Split(' ').Length;
            if (added != 1 || !(twin.Query.StartsWith(gist.Query + " ", StringComparison.Ordinal) || twin.Query.EndsWith(" " + gist.Query, StringComparison.Ordinal)))
            {
                problems.Add($"{twin.Id}: '{twin.Query}' is not '{gist.Query}' plus one word");
            }

            if (twin.Split != gist.Split)
            {
                problems.Add($"{twin.Id}: split {twin.Split}, but {gist.Id} is {gist.Split}");
            }

            if (!twin.Relevant.SequenceEqual(gist.Relevant))
            {
                problems.Add($"{twin.Id}: answers differ from {gist.Id}'s");
            }
        }

        Assert.True(problems.Count == 0, "Gist-absent queries must extend their gist query:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void EveryKindOfTheSet_HasFloors()
    {
        var unguarded = set.CategoryOrder.Where(kind => !SearchQualityTests.KindFloors.ContainsKey(kind)).ToList();
        Assert.True(unguarded.Count == 0, $"Kinds without a floor in {nameof(SearchQualityTests)}.{nameof(SearchQualityTests.KindFloors)}: {string.Join(", ", unguarded)}");
    }
}
