using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Pages.Releases;

/// <summary>/releases/withdrawn: the releases whose files left the source, searchable like any listing.</summary>
public sealed class WithdrawnModel(ListingLoader loader) : PageModel
{
    public ListingView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await loader.LoadAsync(Request.Query, ListingScope.Withdrawn, cancellationToken);
        if (List.RedirectUrl is { } canonical)
        {
            return Redirect(canonical);
        }

        if (List.IndexReady)
        {
            CacheHeaders.ShortLived(HttpContext);
        }

        return Page();
    }
}
