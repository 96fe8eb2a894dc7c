using PressReleases.Core.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Snapshots;

namespace PressReleases.Web.Setup;

public static class SearchServices
{
    /// <summary>
    /// One index per process: Lucene allows a single writer, so the index, and everything holding it,
    /// are singletons. The container disposes the index (after the analyzer it was built with) at shutdown.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReleaseAnalyzer>();
        builder.Services.AddSingleton(sp => new SearchIndex(
            sp.GetRequiredService<DataDirectory>().IndexPath,
            sp.GetRequiredService<ReleaseAnalyzer>(),
            sp.GetService<ILogger<SearchIndex>>()));
        builder.Services.AddSingleton<ReleaseCatalog>();
        // Opened on first use: a request that arrives during the start-up must not open the index before the start-up does.
        builder.Services.AddSingleton(sp => new SearchService(
            sp.GetRequiredService<ReleaseAnalyzer>(),
            new Lazy<SearchIndex>(sp.GetRequiredService<SearchIndex>, LazyThreadSafetyMode.PublicationOnly),
            sp.GetRequiredService<ReleaseCatalog>()));
        builder.Services.AddSingleton<IndexSynchronizer>();
        builder.Services.AddSingleton<IndexSnapshotDownload>();
        return builder;
    }
}
