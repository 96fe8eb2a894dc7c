using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Reannouncements;

/// <summary>/reannouncements: the groups of releases whose texts largely repeat one another, largest first, 20 a page.</summary>
public sealed class IndexModel(ReannouncementCatalog catalog, StartupState startup) : PageModel
{
    public const int PageSize = 20;

    /// <summary>This page of groups; null while the store cannot be reached.</summary>
    public ReannouncementClusterPage? Clusters { get; private set; }

    /// <summary>The number the first group of this page has in the whole list.</summary>
    public int FirstNumber => ((Clusters?.Page ?? 1) - 1) * PageSize + 1;

    public static string PageUrl(int page) =>
        page == 1 ? "/reannouncements" : string.Create(CultureInfo.InvariantCulture, $"/reannouncements?page={page}");

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        // Only the page's own links are valid: a missing page is the first, anything else that is not one of them is not found.
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return NotFound();
        }

        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        try
        {
            Clusters = await catalog.ClustersAsync(number, PageSize, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (number > Clusters.PageCount)
        {
            return NotFound();
        }

        CacheHeaders.ShortLived(HttpContext);
        return Page();
    }
}
