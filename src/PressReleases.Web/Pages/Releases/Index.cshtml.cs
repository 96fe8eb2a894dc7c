using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Releases;

/// <summary>/ and /releases: search and browse every release.</summary>
public sealed class IndexModel(ListingLoader loader, ReleaseCatalog catalog, StartupState startup) : PageModel
{
    public ListingView List { get; private set; } = null!;

    /// <summary>Null while the store is still opening.</summary>
    public int? StoredCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await loader.LoadAsync(Request.Query, ListingScope.All, cancellationToken);
        if (List.RedirectUrl is { } canonical)
        {
            return Redirect(canonical);
        }

        if (startup.WhenStoreReady.IsCompletedSuccessfully)
        {
            StoredCount = await catalog.CountAsync(cancellationToken);
        }

        // A page saying the index is still being built must not be kept: only real results are.
        if (List.IndexReady)
        {
            CacheHeaders.ShortLived(HttpContext);
        }

        return Page();
    }
}
