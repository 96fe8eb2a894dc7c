using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Store;
using PressReleases.Web.Caching;
using PressReleases.Web.Discovery;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Releases;

/// <summary>
/// /releases/{slug}/history: every version of the release this site has seen, newest first, each with what changed
/// from the one before (docs/revisions.md). 404 for an unknown slug; 410 for a withdrawn release, as its permalink
/// answers, with its history shown all the same; 503 while the store is out of reach (the index keeps no history).
/// </summary>
public sealed class HistoryModel(ReleaseLookup releases, ReleaseHistoryReader histories, StartupState startup, ServedVersion served) : PageModel
{
    public ReleaseDetail Release { get; private set; } = null!;

    public string CanonicalUrl { get; private set; } = "";

    public string ReleaseUrl => $"/releases/{Release.Slug}";

    /// <summary>Null while the store is out of reach.</summary>
    public ReleaseHistory? History { get; private set; }

    /// <summary>The versions, newest first (empty when <see cref="History"/> is null).</summary>
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        var release = await releases.FindAsync(slug, cancellationToken);
        if (release is null)
        {
            return NotFound();
        }

        Release = release;
        CanonicalUrl = $"{SiteUrl.Base(Request)}{ReleaseUrl}/history";
        History = await ReadAsync(release, cancellationToken);
        if (History is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "10";
            return Page();
        }

        // A withdrawn release answers 410 as its permalink does and, like it, stays readable: its history is shown. The
        // validators follow the history as read (an ingest may have edited the release since the lookup).
        if (release.IsRemoved)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        else if (CacheHeaders.IsNotModified(HttpContext, served.OfRelease(release with { ChangeSeq = History.ChangeSeq, UpdatedAt = History.UpdatedAt })))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Versions = VersionView.NewestFirst(History);
        return Page();
    }

    /// <summary>The history, or null when the store cannot be reached (the release then came from the index).</summary>
    private async Task<ReleaseHistory?> ReadAsync(ReleaseDetail release, CancellationToken cancellationToken)
    {
        if (release.FromSearchIndex)
        {
            return null;
        }

        try
        {
            return await histories.FindAsync(release.Slug, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return null;
        }
    }
}
