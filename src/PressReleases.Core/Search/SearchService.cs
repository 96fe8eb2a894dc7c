using Lucene.Net.Documents;
using Lucene.Net.Search;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Search;

/// <summary>
/// The one search every surface uses: query + filters + sort + page in, hits with highlights and exact
/// facet counts out. Never throws on user input.
/// </summary>
public sealed class SearchService(SearchIndex index, ReleaseCatalog catalog)
{
    /// <summary>Deepest result reachable by paging; keeps deep pagination from costing unbounded memory.</summary>
    public const int MaxResultWindow = 10_000;

    private readonly UserQueryParser parser = new(index.Analyzer);
    private readonly SnippetBuilder snippets = new(index.Analyzer);
    private readonly SpellingSuggester speller = new(index.Analyzer);
    private readonly RelatedReleases related = new(index);

    /// <summary>
    /// Runs the search. When two or more plain words or phrases are required and no release has them all,
    /// the same request is run again with any of them required (<see cref="SearchResult.MatchedAnyWord"/>).
    /// <see cref="SearchResult.DidYouMean"/> is set whenever the query looks misspelled.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        var parsed = parser.Parse(request.Query, ministerNames, portfolioNames);
        var searcher = index.AcquireSearcher();
        try
        {
            var result = Search(searcher, request, parsed, ministerNames, portfolioNames);
            if (result.Total == 0 && parsed.PlainClauses.Count >= 2)
            {
                var widened = parser.Parse(request.Query, ministerNames, portfolioNames, anyWord: true);
                if (widened.MatchesAnyWord)
                {
                    var anyResult = Search(searcher, request, widened, ministerNames, portfolioNames);
                    if (anyResult.Total > 0)
                    {
                        result = anyResult with { MatchedAnyWord = true };
                    }
                }
            }

            return result with { DidYouMean = speller.Suggest(request.Query, searcher.IndexReader, ministerNames, portfolioNames) };
        }
        finally
        {
            index.ReleaseSearcher(searcher);
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> (at most <see cref="RelatedReleases.MaxCount"/>) releases most like the
    /// one with <paramref name="slug"/>, best first; never the release itself, a release with the same body
    /// text, or a re-publication (same title and date). Empty for an unknown slug.
    /// </summary>
    public Task<IReadOnlyList<RelatedRelease>> RelatedAsync(string slug, int count = 5, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(related.Find(slug, count));
    }

    private SearchResult Search(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed, IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxResultWindow / pageSize);
        var window = page * pageSize;

        Query query = parsed.Query ?? new MatchAllDocsQuery();
        if (request.From is not null || request.To is not null)
        {
            int? from = request.From is { } f ? IndexFields.DateKey(f) : null;
            int? to = request.To is { } t ? IndexFields.DateKey(t) : null;
            query = new FilteredQuery(query, NumericRangeFilter.NewInt32Range(IndexFields.Date, from, to, true, true));
        }

        var sort = SortFor(request.EffectiveSort);
        ICollector topCollector;
        Func<int, int, TopDocs> topDocs;
        if (sort is null)
        {
            var byScore = TopScoreDocCollector.Create(window, docsScoredInOrder: true);
            (topCollector, topDocs) = (byScore, byScore.GetTopDocs);
        }
        else
        {
            var byField = TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
            (topCollector, topDocs) = (byField, byField.GetTopDocs);
        }

        var selectedMinisters = request.Ministers.Distinct(StringComparer.Ordinal).ToList();
        var selectedPortfolios = request.Portfolios.Distinct(StringComparer.Ordinal).ToList();
        var collector = new FacetingCollector(topCollector, selectedMinisters, selectedPortfolios);

        searcher.Search(query, collector);
        var total = collector.TotalHits;
        var lastPage = Math.Max(1, Math.Min((total + pageSize - 1) / pageSize, MaxResultWindow / pageSize));
        page = Math.Min(page, lastPage);
        var docs = topDocs((page - 1) * pageSize, pageSize);

        var hits = new List<SearchHit>(docs.ScoreDocs.Length);
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), parsed, ministerNames, portfolioNames));
        }

        var facets = new SearchFacets(
            TopValues(collector.MinisterCounts, ministerNames, selectedMinisters, request.FacetLimit),
            TopValues(collector.PortfolioCounts, portfolioNames, selectedPortfolios, request.FacetLimit),
            collector.YearCounts.OrderBy(y => y.Key).Select(y => new YearCount(y.Key, y.Value)).ToList());

        return new SearchResult(total, page, pageSize, hits, facets, parsed.InterpretedAs);
    }

    private static Sort? SortFor(SearchSort sort)
    {
        if (sort == SearchSort.Relevance)
        {
            return null;
        }

        var newest = sort == SearchSort.Newest;

        // Undated releases (missing date) sort last either way.
        var byDate = new SortField(IndexFields.DateValues, SortFieldType.INT64, newest);
        byDate.SetMissingValue(newest ? long.MinValue : long.MaxValue);
        var byId = new SortField(IndexFields.IdValues, SortFieldType.INT64, newest);
        return new Sort(byDate, byId);
    }

    private SearchHit ToHit(Document document, ParsedQuery parsed, IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        var title = document.Get(IndexFields.Title) ?? "";
        var body = document.Get(IndexFields.Body) ?? "";
        var dateKey = document.GetField(IndexFields.Date)?.GetInt32Value() ?? 0;
        return new SearchHit(
            int.Parse(document.Get(IndexFields.Id), System.Globalization.CultureInfo.InvariantCulture),
            document.Get(IndexFields.Slug) ?? "",
            title,
            IndexFields.FromDateKey(dateKey),
            document.GetValues(IndexFields.Minister).Select(s => new NameRef(s, ministerNames.GetValueOrDefault(s, s))).ToList(),
            document.GetValues(IndexFields.Portfolio).Select(s => new NameRef(s, portfolioNames.GetValueOrDefault(s, s))).ToList(),
            snippets.Highlight(title, parsed.HighlightTerms, parsed.HighlightPrefixes),
            snippets.Snippet(body, parsed.HighlightTerms, parsed.HighlightPrefixes),
            document.Get(IndexFields.Url) ?? "");
    }

    /// <summary>The values with the highest counts, plus any selected value (so a selection never disappears from its list).</summary>
    private static List<FacetValue> TopValues(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, string> names, List<string> selected, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        limit = Math.Min(limit, 1000);
        var ordered = counts
            .Select(c => new FacetValue(c.Key, names.GetValueOrDefault(c.Key, c.Key), c.Value))
            .OrderByDescending(v => v.Count)
            .ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var top = ordered.Take(limit).ToList();
        foreach (var slug in selected)
        {
            if (!top.Exists(v => v.Slug == slug))
            {
                top.Add(ordered.Find(v => v.Slug == slug) ?? new FacetValue(slug, names.GetValueOrDefault(slug, slug), 0));
            }
        }

        return top;
    }
}
