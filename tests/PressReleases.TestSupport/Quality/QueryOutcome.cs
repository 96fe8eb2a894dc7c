using System.Globalization;
using PressReleases.Core.Search;

namespace PressReleases.TestSupport.Quality;

/// <summary>What one judged query got: the first page, and for typo queries the first page of the suggestion too.</summary>
public sealed record QueryOutcome(JudgedQuery Judged, SearchResult Result)
{
    public const int Depth = 10;

    /// <summary>The first page of the "Did you mean" query, searched when the query follows suggestions and one was made.</summary>
    public SearchResult? Suggested { get; init; }

    /// <summary>For diagnosis only (never scored): the first 100 hits, searched for queries that are not perfect.</summary>
    public SearchResult? Deeper { get; init; }

    /// <summary>At least one judged release is on the query's own first page.</summary>
    public bool FoundDirectly => RanksIn(Result).Any(r => r is not null);

    /// <summary>Not found directly, but on the first page of the suggested query.</summary>
    public bool FoundViaSuggestion => !FoundDirectly && Suggested is not null && RanksIn(Suggested).Any(r => r is not null);

    /// <summary>The page the scores come from: the suggestion's when the release is found only there.</summary>
    public SearchResult Counted => FoundViaSuggestion ? Suggested! : Result;

    public bool IsPerfect => ReciprocalRank >= 1 && RecallAt10 >= 1;

    public IReadOnlyList<SearchHit> Top => Counted.Items.Take(Depth).ToList();

    /// <summary>1-based rank of each judged slug in the counted top <see cref="Depth"/>, or null when it is not there.</summary>
    public IReadOnlyList<int?> Ranks => RanksIn(Counted);

    /// <summary>1 / rank of the first judged release in the top 10; 0 when none is there.</summary>
    public double ReciprocalRank => Ranks.Where(r => r is not null).Select(r => 1.0 / r!.Value).DefaultIfEmpty(0).Max();

    /// <summary>The fraction of the judged releases that are in the top 10.</summary>
    public double RecallAt10 => (double)Ranks.Count(r => r is not null) / Judged.Relevant.Count;

    public bool FoundInTop10 => Ranks.Any(r => r is not null);

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

    private IReadOnlyList<int?> RanksIn(SearchResult result)
    {
        var top = result.Items.Take(Depth).Select(h => h.Slug).ToList();
        return Judged.Relevant.Select(slug => top.IndexOf(slug) is var i and >= 0 ? i + 1 : (int?)null).ToList();
    }
}
