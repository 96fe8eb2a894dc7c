using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Store;
using PressReleases.Web.Pages.Releases;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Ministers;

/// <summary>/ministers/{slug}: one minister's releases, searchable and filterable like /releases.</summary>
public sealed class ShowModel(ReleaseCatalog catalog, ReleaseListLoader loader, StartupState startup) : PageModel
{
    public NameSummary Minister { get; private set; } = null!;

    public ReleaseListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        if (await catalog.MinisterAsync(slug, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Minister = found;
        List = await loader.LoadAsync(Request.Query, $"/ministers/{found.Slug}", ListScope.Minister, found.Slug, cancellationToken);
        if (List.RedirectUrl is { } canonical)
        {
            return Redirect(canonical);
        }

        return Page();
    }
}
