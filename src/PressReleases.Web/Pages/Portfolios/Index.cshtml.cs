using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Store;
using PressReleases.Web.Pages.Shared;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Portfolios;

/// <summary>/portfolios: every portfolio with a release count and the years their releases span.</summary>
public sealed class IndexModel(ReleaseCatalog catalog, StartupState startup) : PageModel
{
    public NameDirectory Directory { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? filter, [FromQuery] string? sort, CancellationToken cancellationToken)
    {
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        var all = await catalog.PortfoliosAsync(cancellationToken);
        Directory = NameDirectory.Build("/portfolios", "portfolio", "portfolios", all, filter, sort);
    }
}
