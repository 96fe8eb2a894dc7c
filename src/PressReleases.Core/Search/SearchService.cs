using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Collecting;
using PressReleases.Core.Search.Export;
using PressReleases.Core.Search.Highlighting;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Search.Suggestions;
using PressReleases.Core.Store;

namespace PressReleases.Core.Search;

/// <summary>
/// The one search every surface uses: query + filters + sort + page in, hits with highlights and exact
/// facet counts out. Never throws on user input.
/// </summary>
public sealed partial class SearchService(ReleaseAnalyzer analyzer, Lazy<SearchIndex> openedIndex, ReleaseCatalog catalog)
{
    /// <summary>Searches an index already open.</summary>
    public SearchService(SearchIndex index, ReleaseCatalog catalog)
        : this(index.Analyzer, new Lazy<SearchIndex>(index), catalog)
    {
    }

    /// <summary>Deepest result reachable by paging; keeps deep pagination from costing unbounded memory.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>How many releases an export reads from the index at once.</summary>
    public const int ExportChunkSize = 500;

    /// <summary>The stored fields an export needs; the body, the largest by far, is left unread.</summary>
    private static readonly ISet<string> ExportFields = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexFields.Slug, IndexFields.Title, IndexFields.Date, IndexFields.Url, IndexFields.Minister, IndexFields.Portfolio, IndexFields.Status,
    };

    private readonly UserQueryParser parser = new(analyzer);
    private readonly SnippetBuilder snippets = new(analyzer);
    private readonly SpellingSuggester speller = new(analyzer);
    private RelatedReleases? related;

    /// <summary>
    /// The index, opened by the first search that needs it rather than when this service is made. The site makes this
    /// service for any request that may search, including those that arrive while the start-up is still copying a
    /// snapshot into the index's folder (which they are told is starting): had they opened the index, the copy could not
    /// be put in its place (docs/scaling.md, "A new node").
    /// </summary>
    private SearchIndex Index => openedIndex.Value;

    private RelatedReleases Related => related ??= new(Index);

    /// <summary>Passes of listings without words, kept until the index changes (a test may set its own thresholds).</summary>
    internal ReaderCache<WordlessScope, ScopePass> Wordless { get; init; } = new(WordlessScope.MaxKept, pass => pass.Visited >= WordlessScope.KeptFromVisited);

    /// <summary>
    /// Below this many releases with every plain word, releases with most of the words are listed after them:
    /// a word the release a person remembers does not use must not hide it, but a query that many releases
    /// match in full is answered by those alone.
    /// </summary>
    public const int WidenBelow = 20;

    /// <summary>
    /// Runs the search. Every plain word or phrase must match; when fewer than <see cref="WidenBelow"/>
    /// releases have all of at least two of them, releases with most of them follow (<see cref="SearchResult.Words"/>,
    /// each hit's <see cref="SearchHit.MissingWords"/>). <see cref="SearchResult.DidYouMean"/> is set whenever
    /// the query looks misspelled.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        using var lease = Index.LeaseSearcher();
        var searcher = lease.Searcher;
        var parsed = parser.Parse(request.Query, ministerNames, portfolioNames, searcher: searcher);
        var result = Search(searcher, request, parsed, ministerNames, portfolioNames);
        foreach (var (minimum, widened) in Widenings(searcher, request.Query, parsed, result.Total, request.EffectiveSort, ministerNames, portfolioNames))
        {
            var wide = Search(searcher, request, widened, ministerNames, portfolioNames);
            if (wide.Total > result.Total)
            {
                // The facets keep counting the releases with every word, when there are any: the releases that
                // lack one are many more, and mostly about something else.
                var allWords = result.Total;
                result = wide with
                {
                    Facets = allWords > 0 ? result.Facets : wide.Facets,
                    Words = new WordMatch(parsed.PlainClauses.Count, minimum, allWords, FacetsCountAllWords: allWords > 0),
                };
                break;
            }
        }

        return result with { DidYouMean = speller.Suggest(request.Query, searcher.IndexReader, ministerNames, portfolioNames), Readings = parsed.Readings };
    }

    /// <summary>
    /// Up to <paramref name="count"/> (at most <see cref="RelatedReleases.MaxCount"/>) releases most like the
    /// one with <paramref name="slug"/>, best first; never the release itself, a release with the same body
    /// text, or a re-publication (same title and date). Empty for an unknown slug.
    /// </summary>
    public Task<IReadOnlyList<RelatedRelease>> RelatedAsync(string slug, int count = 5, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Related.Find(slug, count));
    }

    /// <summary>
    /// The release as the index holds it, for when the store cannot be reached: title, date, source, names (with the
    /// catalog's last display names) and the plain text, set as paragraphs. Null for a slug the index lacks, and
    /// for a withdrawn release (the index does not know when it left, so it is not shown as current either).
    /// </summary>
    public async Task<ReleaseDetail?> FindInIndexAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsSafe(slug))
        {
            return null;
        }

        var (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        using var lease = Index.LeaseSearcher();
        var top = lease.Searcher.Search(new TermQuery(new Lucene.Net.Index.Term(IndexFields.Slug, slug)), 1);
        if (top.TotalHits == 0)
        {
            return null;
        }

        var fields = new HitFieldsVisitor();
        lease.Searcher.Doc(top.ScoreDocs[0].Doc, fields);
        if (fields.Withdrawn)
        {
            return null;
        }

        static IReadOnlyList<NameRef> Named(List<string> slugs, IReadOnlyDictionary<string, string> names) =>
            slugs.Select(s => new NameRef(s, names.GetValueOrDefault(s, s))).ToList();

        return new ReleaseDetail(
            int.Parse(fields.Id, System.Globalization.CultureInfo.InvariantCulture),
            fields.Slug,
            fields.Title,
            IndexFields.FromDateKey(fields.DateKey),
            fields.Url,
            TextAsParagraphs(fields.Body),
            fields.Body,
            Named(fields.MinisterSlugs, ministerNames),
            Named(fields.PortfolioSlugs, portfolioNames),
            [],
            RemovedAt: null)
        { FromSearchIndex = true };
    }

    /// <summary>
    /// Each line of the plain text as a paragraph, encoded as the snippets are: the only markup the index can give
    /// back, and nothing in the text can become markup.
    /// </summary>
    private static string TextAsParagraphs(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => $"<p>{SnippetBuilder.Encode(line)}</p>\n"));

    /// <summary>
    /// Every release the search would list for <paramref name="request"/> (all pages, no paging limit), in its
    /// order, without snippets or facets: for exports. Only the matching document ids are held (an int each);
    /// the releases are read from the index <see cref="ExportChunkSize"/> at a time as the caller consumes
    /// them. One searcher is leased for the whole enumeration, so the list is one consistent snapshot even
    /// while an ingest changes the index; the lease is returned when the enumeration ends, fails or is
    /// abandoned (a client that disconnects cancels <paramref name="cancellationToken"/> and disposes it).
    /// </summary>
    public async IAsyncEnumerable<ExportedRelease> ExportAsync(SearchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (ministerNames, portfolioNames) = await catalog.NamesAsync(cancellationToken);
        using var lease = Index.LeaseSearcher();
        var searcher = lease.Searcher;
        var docIds = MatchingDocIds(searcher, request, ministerNames, portfolioNames);
        var chunk = new List<ExportedRelease>(ExportChunkSize);
        for (var start = 0; start < docIds.Length; start += ExportChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            chunk.Clear();
            var end = Math.Min(docIds.Length, start + ExportChunkSize);
            for (var i = start; i < end; i++)
            {
                chunk.Add(ToExported(searcher.Doc(docIds[i], ExportFields), ministerNames, portfolioNames));
            }

            foreach (var release in chunk)
            {
                yield return release;
            }
        }
    }

    /// <summary>
    /// The ids of every matching document in result order, widened as <see cref="SearchAsync"/> widens:
    /// counted first, so the sorting collector is sized to the result set.
    /// </summary>
    private int[] MatchingDocIds(IndexSearcher searcher, SearchRequest request, IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        var parsed = parser.Parse(request.Query, ministerNames, portfolioNames, searcher: searcher);
        var total = Count(searcher, request, parsed);
        foreach (var (_, widened) in Widenings(searcher, request.Query, parsed, total, request.EffectiveSort, ministerNames, portfolioNames))
        {
            var wideTotal = Count(searcher, request, widened);
            if (wideTotal > total)
            {
                (parsed, total) = (widened, wideTotal);
                break;
            }
        }

        if (total == 0)
        {
            return [];
        }

        var ranking = Ranking.For(searcher, request.EffectiveSort, parsed);
        var (top, topDocs) = TopCollector(request.EffectiveSort, ranking.Collected(total));
        searcher.Search(BuildQuery(request, parsed, ranking.InQuery), Filtered(top, request));
        return Array.ConvertAll(InOrder(searcher, ranking, topDocs, total), d => d.Doc);
    }

    private static int Count(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed)
    {
        var filtered = Filtered(new TotalHitCountCollector(), request);
        searcher.Search(BuildQuery(request, parsed), filtered);
        return filtered.TotalHits;
    }

    /// <summary>
    /// The widened readings of <paramref name="query"/> (<see cref="Minimums"/>), most words first. The plain clauses no
    /// release matches are looked for once, before the first, and left out of the search in each.
    /// </summary>
    private IEnumerable<(int Minimum, ParsedQuery Widened)> Widenings(
        IndexSearcher searcher, string? query, ParsedQuery parsed, int allWordsTotal, SearchSort sort,
        IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        HashSet<int>? unmatched = null;
        foreach (var minimum in Minimums(parsed, allWordsTotal, sort))
        {
            unmatched ??= ClauseMatches.Unmatched(searcher, parsed.PlainQueries);
            yield return (minimum, parser.Parse(query, ministerNames, portfolioNames, minimumWords: minimum, searcher: searcher, unmatched: unmatched));
        }
    }

    /// <summary>
    /// How many of the plain words to require when widening, most first; none when the query has fewer than two
    /// or at least <see cref="WidenBelow"/> releases have them all. Most means all but one, or all but two fifths
    /// of a query of five words or more (5 → 3, 8 → 5): long queries a person half remembers carry several
    /// words the release never used. Only when no release has every word does it go down to any one of them. In date order
    /// releases with every word could not come first, so there it widens only when none has them all.
    /// </summary>
    internal static IEnumerable<int> Minimums(ParsedQuery parsed, int allWordsTotal, SearchSort sort)
    {
        var words = parsed.PlainClauses.Count;
        if (words < 2 || allWordsTotal >= WidenBelow || (allWordsTotal > 0 && sort != SearchSort.Relevance))
        {
            yield break;
        }

        var most = words - Math.Max(1, words * 2 / 5);
        yield return most;
        if (allWordsTotal == 0 && most > 1)
        {
            yield return 1;
        }
    }

    private SearchResult Search(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed, IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxResultWindow / pageSize);
        var window = page * pageSize;

        // A listing without words is the same whichever page is asked for: its pass is kept until the index changes.
        var pass = parsed.Query is null
            ? Wordless.GetOrAdd(searcher.IndexReader, WordlessScope.Of(request), () => Pass(searcher, request, parsed, MaxResultWindow))
            : Pass(searcher, request, parsed, window);
        var total = pass.Total;
        var lastPage = Math.Max(1, Math.Min((total + pageSize - 1) / pageSize, MaxResultWindow / pageSize));
        page = Math.Min(page, lastPage);
        var docIds = pass.Ordered.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        var titleMatches = PostingsMatches(searcher.IndexReader, docIds, parsed, IndexFields.Title, int.MaxValue);
        var bodyMatches = PostingsMatches(searcher.IndexReader, docIds, parsed, IndexFields.Body, SnippetBuilder.MaxScannedChars);
        var hits = new List<SearchHit>(docIds.Length);
        var fields = new HitFieldsVisitor();
        var matched = parsed.MinimumWords is null ? null : ClauseMatches.Find(searcher, parsed.PlainQueries, docIds);
        for (var i = 0; i < docIds.Length; i++)
        {
            var hit = ToHit(searcher, docIds[i], fields, parsed, titleMatches?[i], bodyMatches?[i], ministerNames, portfolioNames);
            hits.Add(matched is null ? hit : hit with { MissingWords = parsed.PlainClauses.Where((_, c) => !matched[i][c]).ToList() });
        }

        var facets = new SearchFacets(
            TopValues(pass.MinisterCounts, ministerNames, Selection(request.Ministers), request.FacetLimit),
            TopValues(pass.PortfolioCounts, portfolioNames, Selection(request.Portfolios), request.FacetLimit),
            pass.YearCounts.OrderBy(y => y.Key).Select(y => new YearCount(y.Key, y.Value)).ToList());

        return new SearchResult(total, page, pageSize, hits, facets, parsed.InterpretedAs);
    }

    /// <summary>One pass over the request's matches: the total, the facet counts and the first <paramref name="window"/> hits in order.</summary>
    private static ScopePass Pass(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed, int window)
    {
        var ranking = Ranking.For(searcher, request.EffectiveSort, parsed);
        var (topCollector, topDocs) = TopCollector(request.EffectiveSort, ranking.Collected(window));
        var collector = new FacetingCollector(topCollector, Selection(request.Ministers), Selection(request.Portfolios));
        searcher.Search(BuildQuery(request, parsed, ranking.InQuery), collector);
        var ordered = Array.ConvertAll(InOrder(searcher, ranking, topDocs, window), d => d.Doc);
        return new ScopePass(collector.TotalHits, collector.MinisterCounts, collector.PortfolioCounts, collector.YearCounts, ordered, collector.Visited);
    }

    /// <summary>
    /// The text query (with <paramref name="proximity"/> boosts, when given), the release status and the date
    /// range; the minister and portfolio selections are applied by <see cref="Filtered"/>.
    /// </summary>
    private static Query BuildQuery(SearchRequest request, ParsedQuery parsed, Query? proximity = null)
    {
        Query query = parsed.Query ?? new MatchAllDocsQuery();
        if (proximity is not null)
        {
            query = new BooleanQuery { { query, Occur.MUST }, { proximity, Occur.SHOULD } };
        }

        // A required or prohibited clause that scores nothing: the order of the listed releases is unchanged.
        switch (request.Status)
        {
            case ReleaseStatus.Current:
                query = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(IndexFields.WithdrawnTerm), Occur.MUST_NOT } };
                break;
            case ReleaseStatus.Withdrawn:
                query = new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(IndexFields.WithdrawnTerm)));
                break;
        }

        if (request.From is not null || request.To is not null)
        {
            int? from = request.From is { } f ? IndexFields.DateKey(f) : null;
            int? to = request.To is { } t ? IndexFields.DateKey(t) : null;
            query = new FilteredQuery(query, NumericRangeFilter.NewInt32Range(IndexFields.Date, from, to, true, true));
        }

        return query;
    }

    /// <summary>Wraps <paramref name="inner"/> so it sees only documents passing the minister and portfolio selections (and counts facets).</summary>
    private static FacetingCollector Filtered(ICollector inner, SearchRequest request) =>
        new(inner, Selection(request.Ministers), Selection(request.Portfolios));

    private static List<string> Selection(IReadOnlyList<string> slugs) => slugs.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The first <paramref name="count"/> hits in the order listed: as collected, or rescored with the proximity boosts.</summary>
    private static ScoreDoc[] InOrder(IndexSearcher searcher, Ranking ranking, Func<int, int, TopDocs> topDocs, int count)
    {
        if (ranking.Rescored is null)
        {
            return topDocs(0, count).ScoreDocs;
        }

        var collected = topDocs(0, ranking.Collected(count)).ScoreDocs;
        ProximityRescorer.Rescore(searcher, ranking.Rescored, collected);
        return collected.Length > count ? collected[..count] : collected;
    }

    /// <summary>
    /// Where a search applies the proximity boosts: by relevance, within the query when it cannot have more
    /// hits than <see cref="ProximityRescorer.Window"/> (one pass, and the order is the same either way), else
    /// to the best hits afterwards; by date, nowhere.
    /// </summary>
    private readonly record struct Ranking(Query? InQuery, Query? Rescored)
    {
        public static Ranking For(IndexSearcher searcher, SearchSort sort, ParsedQuery parsed)
        {
            if (sort != SearchSort.Relevance || parsed.Proximity is not { } proximity)
            {
                return default;
            }

            return ProximityRescorer.MayExceedWindow(searcher.IndexReader, proximity, parsed.MinimumWords is not null)
                ? new Ranking(null, proximity)
                : new Ranking(proximity, null);
        }

        /// <summary>How many hits to collect to list the first <paramref name="wanted"/>: when rescoring, at least the window, whichever page is asked for.</summary>
        public int Collected(int wanted) => Rescored is null ? wanted : Math.Max(wanted, ProximityRescorer.Window);
    }

    /// <summary>A collector keeping the best <paramref name="size"/> hits in <paramref name="sort"/> order, and how to read them back.</summary>
    private static (ICollector Collector, Func<int, int, TopDocs> TopDocs) TopCollector(SearchSort sort, int size)
    {
        if (sort != SearchSort.Relevance)
        {
            var byDate = new DateOrderCollector(size, newest: sort == SearchSort.Newest);
            return (byDate, byDate.GetTopDocs);
        }

        // Documents in order: a query of only optional clauses (a word's forms, the any-word fallback) would
        // otherwise get Lucene's bucket scorer, which allocates a table of 2,048 buckets per scorer. Under
        // load that was a sizeable share of all the search page allocated, and in-order scoring measured less
        // CPU per search as well (docs/performance.md, "Design decisions and their measurements").
        var byScore = TopScoreDocCollector.Create(size, docsScoredInOrder: true);
        return (byScore, byScore.GetTopDocs);
    }

    /// <param name="fields">Reused for each hit of the page.</param>
    /// <param name="titleMatches">Where the title holds the query's terms, from <see cref="PostingsMatches"/>; null to analyse the title instead.</param>
    /// <param name="bodyMatches">The same for the body.</param>
    private SearchHit ToHit(
        IndexSearcher searcher, int docId, HitFieldsVisitor fields, ParsedQuery parsed,
        List<(int Start, int End, string Term)>? titleMatches, List<(int Start, int End, string Term)>? bodyMatches,
        IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        fields.Reset();
        searcher.Doc(docId, fields);
        return new SearchHit(
            int.Parse(fields.Id, System.Globalization.CultureInfo.InvariantCulture),
            fields.Slug,
            fields.Title,
            IndexFields.FromDateKey(fields.DateKey),
            Names(fields.MinisterSlugs, ministerNames),
            Names(fields.PortfolioSlugs, portfolioNames),
            titleMatches is not null ? snippets.Highlight(fields.Title, titleMatches) : snippets.Highlight(fields.Title, parsed.HighlightTerms, parsed.HighlightPrefixes),
            bodyMatches is not null ? snippets.Snippet(fields.Body, bodyMatches) : snippets.Snippet(fields.Body, parsed.HighlightTerms, parsed.HighlightPrefixes),
            fields.Url)
        { Withdrawn = fields.Withdrawn };
    }

    /// <summary>
    /// Where each hit's <paramref name="field"/> (title or body) holds the query's plain terms, read from the
    /// postings' offsets for the whole page at once. Null when the query has prefixes: they match whole words,
    /// which those fields do not hold, so the text is analysed instead (as is any hit whose segment has no
    /// offsets).
    /// </summary>
    private static List<(int Start, int End, string Term)>?[]? PostingsMatches(
        Lucene.Net.Index.IndexReader reader, int[] docIds, ParsedQuery parsed, string field, int maxOffset) =>
        parsed.HighlightPrefixes.Count == 0
            ? PostingsOffsets.FindAll(reader, docIds, field, parsed.HighlightTerms, maxOffset)
            : null;

    private static ExportedRelease ToExported(Document document, IReadOnlyDictionary<string, string> ministerNames, IReadOnlyDictionary<string, string> portfolioNames)
    {
        var slug = document.Get(IndexFields.Slug) ?? "";
        return new ExportedRelease(
            slug,
            document.Get(IndexFields.Title) ?? "",
            IndexFields.FromDateKey(document.GetField(IndexFields.Date)?.GetInt32Value() ?? 0),
            document.Get(IndexFields.Url) ?? "",
            ExportedRelease.PermalinkOf(slug),
            Names(document, IndexFields.Minister, ministerNames),
            Names(document, IndexFields.Portfolio, portfolioNames))
        { Withdrawn = document.Get(IndexFields.Status) == IndexFields.WithdrawnValue };
    }

    /// <summary>A document's minister or portfolio slugs with their display names (the slug stands in for a name not yet known).</summary>
    private static List<NameRef> Names(Document document, string field, IReadOnlyDictionary<string, string> names) =>
        Names(document.GetValues(field), names);

    private static List<NameRef> Names(IReadOnlyList<string> slugs, IReadOnlyDictionary<string, string> names) =>
        slugs.Select(s => new NameRef(s, names.GetValueOrDefault(s, s))).ToList();

    /// <summary>Facet lists' order: the highest count first, then by name.</summary>
    private static int ListOrder(FacetValue a, FacetValue b) =>
        a.Count != b.Count ? b.Count.CompareTo(a.Count) : StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);

    /// <summary>The values with the highest counts, plus any selected value (so a selection never disappears from its list).</summary>
    private static List<FacetValue> TopValues(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, string> names, List<string> selected, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        limit = Math.Min(limit, 1000);
        // The best `limit` kept in a heap whose root is the worst of them, rather than a sort of every value
        // (hundreds of ministers or portfolios for a broad query, each made into a FacetValue first).
        var order = Comparer<FacetValue>.Create(ListOrder);
        var best = new PriorityQueue<FacetValue, FacetValue>(Math.Min(limit, counts.Count) + 1, Comparer<FacetValue>.Create((a, b) => ListOrder(b, a)));
        foreach (var (slug, count) in counts)
        {
            if (best.Count == limit && best.TryPeek(out var worst, out _) && count < worst.Count)
            {
                continue;
            }

            var value = new FacetValue(slug, names.GetValueOrDefault(slug, slug), count);
            best.Enqueue(value, value);
            if (best.Count > limit)
            {
                best.Dequeue();
            }
        }

        var top = new List<FacetValue>(best.Count + selected.Count);
        while (best.TryDequeue(out var value, out _))
        {
            top.Add(value);
        }

        top.Sort(order);
        foreach (var slug in selected)
        {
            if (!top.Exists(v => v.Slug == slug))
            {
                top.Add(new FacetValue(slug, names.GetValueOrDefault(slug, slug), counts.GetValueOrDefault(slug)));
            }
        }

        return top;
    }
}
