using Lucene.Net.Search;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Collecting;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Search;

public sealed partial class SearchService
{
    /// <summary>
    /// How many releases matching <paramref name="request"/> appeared per year, or per month when the range is shorter
    /// than <see cref="Trend.MonthlyBelowMonths"/> months, beside all releases of each period; split by the
    /// <see cref="Trend.SplitSize"/> values of <paramref name="split"/> with most matching releases when given. The
    /// request's words, names and dates mean what they mean to <see cref="SearchAsync"/>; its order and page are not
    /// used. Each count equals the listing's year facet for that year: releases with every word, or when none has
    /// them all, the releases with most of them that the listing then shows.
    /// </summary>
    public async Task<Trend> TrendAsync(SearchRequest request, NameKind? split = null, CancellationToken cancellationToken = default)
    {
        var (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        using var lease = Index.LeaseSearcher();
        var searcher = lease.Searcher;
        var parsed = parser.Parse(request.Query, ministerNames, portfolioNames, searcher: searcher);
        var matched = Matching(searcher, request, parsed);
        WordMatch? words = null;
        if (matched.TotalHits == 0)
        {
            // As the listing: a query no release matches in full counts the releases with most of its words.
            foreach (var (minimum, widened) in Widenings(searcher, request.Query, parsed, 0, SearchSort.Relevance, ministerNames, portfolioNames))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wide = Matching(searcher, request, widened);
                if (wide.TotalHits > 0)
                {
                    words = new WordMatch(parsed.PlainClauses.Count, minimum, 0, FacetsCountAllWords: false);
                    (parsed, matched) = (widened, wide);
                    break;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        // The share is of every release of the period: current ones, or with withdrawn ones too when those are counted.
        var everyRelease = new SearchRequest { Status = request.Status == ReleaseStatus.Current ? ReleaseStatus.Current : ReleaseStatus.All };
        var all = Matching(searcher, everyRelease, parser.Parse(null, ministerNames, portfolioNames));
        var names = split == NameKind.Minister ? ministerNames : portfolioNames;
        return TrendCounting.Count(request, matched, all, split, names, parsed.InterpretedAs) with { Words = words };
    }

    private static MatchedDocsCollector Matching(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed)
    {
        var hits = new MatchedDocsCollector();
        var selects = request.Ministers.Count > 0 || request.Portfolios.Count > 0;
        searcher.Search(BuildQuery(request, parsed), selects ? Filtered(hits, request) : hits);
        return hits;
    }
}
