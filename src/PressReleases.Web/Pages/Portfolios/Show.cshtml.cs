using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Store;
using PressReleases.Web.Pages.Releases;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Portfolios;

/// <summary>/portfolios/{slug}: one portfolio's releases, searchable and filterable like /releases.</summary>
public sealed class ShowModel(ReleaseCatalog catalog, ReleaseListLoader loader, StartupState startup) : PageModel
{
    public NameSummary Portfolio { get; private set; } = null!;

    public ReleaseListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        if (await catalog.PortfolioAsync(slug, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Portfolio = found;
        List = await loader.LoadAsync(Request.Query, $"/portfolios/{found.Slug}", ListScope.Portfolio, found.Slug, cancellationToken);
        if (List.RedirectUrl is { } canonical)
        {
            return Redirect(canonical);
        }

        return Page();
    }
}
