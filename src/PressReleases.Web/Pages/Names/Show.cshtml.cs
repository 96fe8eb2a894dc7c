using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Names;

/// <summary>/ministers/{slug} and /portfolios/{slug}: one minister's or portfolio's releases, searchable and filterable like /releases.</summary>
public sealed class ShowModel(ReleaseCatalog catalog, ListingLoader loader, StartupState startup) : PageModel
{
    public NameKind Kind { get; private set; } = null!;

    public NameSummary Name { get; private set; } = null!;

    public ListingView List { get; private set; } = null!;

    /// <summary>Who held what, when: the other kind's names on this name's releases, first to last; null when none.</summary>
    public Timeline? Timeline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Kind = NameKindRoutes.KindOf(HttpContext);
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        if (await catalog.FindNameAsync(Kind, slug, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        Name = name;
        List = await loader.LoadAsync(Request.Query, ListingScope.For(Kind, name.Slug), cancellationToken);
        try
        {
            Timeline = Timeline.For(Kind, await catalog.HeldWithAsync(Kind, name.Slug, cancellationToken));
        }
        catch (StoreUnavailableException)
        {
            // The store is away: the page serves its listing from the index, without the timeline.
        }
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
