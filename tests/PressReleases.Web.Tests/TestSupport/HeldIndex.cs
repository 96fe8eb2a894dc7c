using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// The site's own index, opened as the site opens it, with a write session begun before anyone else can: a test
/// registers it in place of the site's and so holds any repair or build of the index at its start (the write gate,
/// which the repair must take) for as long as it wants to look at the site during it, however fast the machine.
/// </summary>
public static class HeldIndex
{
    public static SearchIndex Open(IServiceProvider services, TaskCompletionSource<(SearchIndex Index, SearchIndex.WriteSession Held)> opened)
    {
        var index = new SearchIndex(services.GetRequiredService<DataDirectory>().IndexPath, services.GetRequiredService<ReleaseAnalyzer>(), services.GetService<ILogger<SearchIndex>>());
        var held = index.BeginWriteAsync().GetAwaiter().GetResult();
        opened.SetResult((index, held));
        return index;
    }
}
