using PressReleases.Core.Reannouncements;
using PressReleases.Core.Store;

namespace PressReleases.Web.Following;

/// <summary>
/// A release's re-announcement links for its page and the API: from the store, or none while the store cannot be
/// reached (the release then comes from the index, and so does the rest of the page).
/// </summary>
public sealed class ReannouncementLookup(ReannouncementCatalog catalog)
{
    public async Task<ReleaseReannouncements> ForAsync(ReleaseDetail release, CancellationToken cancellationToken)
    {
        if (release.FromSearchIndex || release.IsRemoved)
        {
            return ReleaseReannouncements.None;
        }

        try
        {
            return await catalog.ForReleaseAsync(release.Id, release.Date, release.Slug, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return ReleaseReannouncements.None;
        }
    }
}
