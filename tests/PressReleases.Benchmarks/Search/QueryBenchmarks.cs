using BenchmarkDotNet.Attributes;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Suggestions;

namespace PressReleases.Benchmarks.Search;

/// <summary>
/// The search paths over a real index of the full corpus, through the public <see cref="SearchService"/> (and
/// <see cref="SpellingSuggester"/> for suggestions alone). Every search counts its facets in the collector
/// and highlights its page; the narrow cases ask for one hit and no facet values, which is as close to the
/// bare query as the public API goes, and <see cref="SearchPage"/> is the site's search page: 20 highlighted
/// hits with minister, portfolio and year facets. Setup fails when a case finds nothing, so no figure is
/// ever of an empty result.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly SearchRequest Plain = Narrow(new SearchRequest { Query = "geothermal energy" });
    private static readonly SearchRequest Phrase = Narrow(new SearchRequest { Query = "\"free trade agreement\"" });

    private static readonly SearchRequest FiltersOnly = Narrow(new SearchRequest
    {
        Ministers = ["john-key"],
        Portfolios = ["prime-minister"],
        From = new DateOnly(2014, 1, 1),
        To = new DateOnly(2014, 12, 31),
    });

    private static readonly SearchRequest Page = new() { Query = "kauri dieback funding", PageSize = 20, FacetLimit = 20 };

    private const string Misspelled = "geotermal powr jacinda arden";
    private const string RelatedTo = "enhancing-new-zealand--japan-cooperation";

    private readonly SpellingSuggester speller = new(new ReleaseAnalyzer());
    private BenchData? data;
    private IReadOnlyDictionary<string, string> ministers = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> portfolios = new Dictionary<string, string>();

    private SearchService Search => data!.Search;

    [GlobalSetup]
    public void Setup()
    {
        data = BenchData.OpenAsync(BenchPaths.DataFolder, BenchPaths.CorpusFolder, Console.Out).GetAwaiter().GetResult();
        (ministers, portfolios) = data.Catalog.NamesAsync().GetAwaiter().GetResult();
        foreach (var request in new[] { Plain, Phrase, FiltersOnly, Page })
        {
            if (SearchAsync(request).GetAwaiter().GetResult().Total == 0)
            {
                throw new BenchSetupException($"No release matches {request}; the benchmark would time an empty result.");
            }
        }

        if (SuggestSpelling() is null || RelatedAsync().GetAwaiter().GetResult().Count == 0)
        {
            throw new BenchSetupException($"No suggestion for '{Misspelled}' or no release related to '{RelatedTo}'.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => data?.Dispose();

    [Benchmark]
    public Task<SearchResult> PlainWords() => SearchAsync(Plain);

    [Benchmark]
    public Task<SearchResult> PhraseQuery() => SearchAsync(Phrase);

    [Benchmark]
    public Task<SearchResult> FiltersNoWords() => SearchAsync(FiltersOnly);

    [Benchmark]
    public Task<SearchResult> SearchPage() => SearchAsync(Page);

    [Benchmark]
    public string? SuggestSpelling()
    {
        using var lease = data!.Index.LeaseSearcher();
        return speller.Suggest(Misspelled, lease.Reader, ministers, portfolios);
    }

    [Benchmark]
    public Task<IReadOnlyList<RelatedRelease>> RelatedAsync() => Search.RelatedAsync(RelatedTo, 5);

    private static SearchRequest Narrow(SearchRequest request) => request with { PageSize = 1, FacetLimit = 0 };

    private Task<SearchResult> SearchAsync(SearchRequest request) => Search.SearchAsync(request);
}
