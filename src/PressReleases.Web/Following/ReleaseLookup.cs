using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Following;

/// <summary>
/// One release for its permalink page, the release API and citations: from the store, or, while the store cannot
/// be reached, from this node's index (the text without formatting or attachments, and marked so). A withdrawn
/// release is not in the index, so while the store is away it is not found.
/// </summary>
public sealed class ReleaseLookup(ReleaseCatalog catalog, SearchService search, StoreAvailability availability, StartupState startup)
{
    public async Task<ReleaseDetail?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (availability.ShouldTry() || !startup.IsIndexReady)
        {
            try
            {
                return await catalog.FindAsync(slug, cancellationToken);
            }
            catch (StoreUnavailableException) when (startup.IsIndexReady)
            {
                // Falls through to the index.
            }
        }

        return await search.FindInIndexAsync(slug, cancellationToken);
    }
}
