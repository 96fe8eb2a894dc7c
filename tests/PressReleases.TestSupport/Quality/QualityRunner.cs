using PressReleases.Core.Search;

namespace PressReleases.TestSupport.Quality;

/// <summary>
/// Runs judged queries through <see cref="SearchService"/> as the site does (first page of 10): the test and the
/// benchmark's quality verb both use this, so their figures are the same figures.
/// </summary>
public static class QualityRunner
{
    public static async Task<IReadOnlyList<QueryOutcome>> RunAsync(SearchService search, IEnumerable<JudgedQuery> queries, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<QueryOutcome>();
        foreach (var judged in queries)
        {
            var result = await search.SearchAsync(new SearchRequest { Query = judged.Query, PageSize = QueryOutcome.Depth }, cancellationToken);
            var outcome = new QueryOutcome(judged, result);
            if (judged.FollowsSuggestion && !string.IsNullOrWhiteSpace(result.DidYouMean))
            {
                outcome = outcome with
                {
                    Suggested = await search.SearchAsync(new SearchRequest { Query = result.DidYouMean, PageSize = QueryOutcome.Depth }, cancellationToken),
                };
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>For the report only: how far down the judged releases of imperfect queries are (first 100 hits of the counted query).</summary>
    public static async Task<IReadOnlyList<QueryOutcome>> DiagnoseAsync(SearchService search, IReadOnlyList<QueryOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        var diagnosed = new List<QueryOutcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (outcome.IsPerfect)
            {
                diagnosed.Add(outcome);
                continue;
            }

            var query = outcome.FoundViaSuggestion ? outcome.Result.DidYouMean : outcome.Judged.Query;
            var deeper = await search.SearchAsync(new SearchRequest { Query = query, PageSize = SearchRequest.MaxPageSize }, cancellationToken);
            diagnosed.Add(outcome with { Deeper = deeper });
        }

        return diagnosed;
    }
}
