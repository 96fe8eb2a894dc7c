using Microsoft.AspNetCore.Mvc;
using PressReleases.Core.Store;

namespace PressReleases.Web.Pages.Releases;

/// <summary>The dates each version of an edited release was first seen, the current one last, and where its history is.</summary>
public sealed record EditedNotice(string HistoryUrl, IReadOnlyList<DateTimeOffset> VersionsSeen);

/// <summary>
/// "Edited after publication" on a release's page (a withdrawn one's too, which shows its last version), when the store
/// holds an earlier version of it (docs/revisions.md); nothing otherwise, nor while the store is out of reach (the page
/// then shows the index's text and says so).
/// </summary>
public sealed class EditedNoticeViewComponent(ReleaseHistoryReader histories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReleaseDetail release)
    {
        // Only an edited release has a revision date, so the others need no query.
        if (release.FromSearchIndex || release.RevisedAt is null)
        {
            return Content("");
        }

        IReadOnlyList<DateTimeOffset> seen;
        try
        {
            seen = await histories.VersionsSeenAsync(release.Id, HttpContext.RequestAborted);
        }
        catch (StoreUnavailableException)
        {
            return Content("");
        }

        return seen.Count == 0 ? Content("") : View("~/Pages/Releases/_EditedNotice.cshtml", new EditedNotice($"/releases/{release.Slug}/history", seen));
    }
}
