using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Names;

/// <summary>/ministers and /portfolios: every minister or portfolio with a release count and the years their releases span.</summary>
public sealed class IndexModel(ReleaseCatalog catalog, StartupState startup) : PageModel
{
    public NameKind Kind { get; private set; } = null!;

    public NameDirectory Directory { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? filter, [FromQuery] string? sort, CancellationToken cancellationToken)
    {
        Kind = NameKindRoutes.KindOf(HttpContext);
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        Directory = NameDirectory.Build(Kind, await catalog.ListAsync(Kind, cancellationToken), filter, sort);
        CacheHeaders.ShortLived(HttpContext);
    }
}
