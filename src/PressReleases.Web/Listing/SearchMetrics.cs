using System.Diagnostics;
using System.Diagnostics.Metrics;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// The searches people make, on the site's meter (<see cref="MeterName"/>): how many, how long they take, how
/// many find nothing, and how often the "Did you mean" suggestion is offered and followed. A search is a request
/// with words (<see cref="SearchRequest.HasQuery"/>): a listing without words (the newest releases, a minister's
/// page, a filter) reads the index too but is browsing, and would drown the searches' numbers. Only searches that
/// completed are counted. docs/observability.md lists the instruments.
/// </summary>
public sealed class SearchMetrics
{
    /// <summary>
    /// The meter of all the site's own instruments (these and <c>Following/FollowerMetrics</c>'). Kept here, not in
    /// <c>Setup/</c>, because the listing slice uses no Web folder but <c>Display/</c> and <c>Startup/</c>.
    /// </summary>
    public const string MeterName = "PressReleases";

    /// <summary>Tag values of <see cref="Surface"/>.</summary>
    public const string Page = "page";
    public const string Api = "api";
    public const string Feed = "feed";

    /// <summary>The query parameter the "Did you mean" link adds, so following it can be counted; the search ignores it.</summary>
    public const string SuggestionMarker = "suggested";

    private const string Surface = "surface";
    private const string Action = "action";

    /// <summary>
    /// Seconds. A typical search takes a few milliseconds and a broad one tens (docs/performance.md), so the
    /// buckets are dense from 1 ms to 100 ms and coarse above, where only a search held up by load would land.
    /// </summary>
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

    private readonly Counter<long> searches;
    private readonly Histogram<double> duration;
    private readonly Counter<long> zeroResults;
    private readonly Counter<long> suggestions;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        searches = meter.CreateCounter<long>("pressreleases.searches", "{search}", "Searches with words, by surface (page, api, feed)");
        duration = meter.CreateHistogram(
            "pressreleases.search.duration",
            "s",
            "How long the index took to answer a search with words, by surface",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        zeroResults = meter.CreateCounter<long>("pressreleases.searches.zero_results", "{search}", "Searches with words that found no release, by surface");
        suggestions = meter.CreateCounter<long>(
            "pressreleases.suggestions.used",
            "{suggestion}",
            "\"Did you mean\" suggestions: action=shown when a search's answer offered one, action=followed when a page search came from its link");
    }

    /// <summary>Runs <paramref name="request"/> and, when it has words, counts and times it for <paramref name="surface"/>.</summary>
    public async Task<SearchResult> SearchAsync(SearchService search, SearchRequest request, string surface, CancellationToken cancellationToken)
    {
        if (!request.HasQuery)
        {
            return await search.SearchAsync(request, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await search.SearchAsync(request, cancellationToken);
        var tag = new KeyValuePair<string, object?>(Surface, surface);
        duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        searches.Add(1, tag);
        if (result.Total == 0)
        {
            zeroResults.Add(1, tag);
        }

        // The feed has nowhere to show a suggestion, so only the page and the API offer one.
        if (surface != Feed && !string.IsNullOrEmpty(result.DidYouMean))
        {
            suggestions.Add(1, tag, new(Action, "shown"));
        }

        return result;
    }

    /// <summary>A page search that arrived by the "Did you mean" link (its URL carries <see cref="SuggestionMarker"/>).</summary>
    public void SuggestionFollowed() => suggestions.Add(1, new(Surface, Page), new(Action, "followed"));
}
