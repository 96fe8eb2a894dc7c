using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Search;
using PressReleases.Core.Search.Suggestions;
using PressReleases.Core.Store;
using PressReleases.Web.Api;
using PressReleases.Web.Caching;
using PressReleases.Web.Citations;
using PressReleases.Web.Discovery;
using PressReleases.Web.Display;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Pages.Releases;

/// <summary>/releases/{slug}: one release, its permalink.</summary>
public sealed class ShowModel(ReleaseLookup releases, SearchService search, ReleaseHighlighter highlighter, StartupState startup, ServedVersion served, TimeProvider clock, ReannouncementLookup reannouncements) : PageModel
{
    public ReleaseDetail Release { get; private set; } = null!;

    /// <summary>The search that led here, for the "back to results" link.</summary>
    public string? Query { get; private set; }

    public string CanonicalUrl { get; private set; } = "";

    /// <summary>The permalink path, without the search: the "clear highlighting" link.</summary>
    public string PlainUrl => $"/releases/{Release.Slug}";

    /// <summary>Set when the page was opened from a search and the release has a body to mark.</summary>
    public ReleaseHighlight? Highlight { get; private set; }

    public IReadOnlyList<RelatedRelease> Related { get; private set; } = [];

    /// <summary>Releases much of whose text this one shares (docs/reannouncements.md).</summary>
    public ReleaseReannouncements Reannouncements { get; private set; } = ReleaseReannouncements.None;

    /// <summary>The "cite this release" text; null for a withdrawn release, which is no longer to be cited from here.</summary>
    public ApaCitation? Citation { get; private set; }

    /// <summary>The link-preview description: the opening of the body text.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The paragraph the citation targets (<c>?p=4</c>, as each paragraph's link sets it); null for the whole release.</summary>
    public int? Paragraph { get; private set; }

    public string BibTexUrl => $"/releases/{Release.Slug}/cite.bib{ParagraphQuery}";

    public string RisUrl => $"/releases/{Release.Slug}/cite.ris{ParagraphQuery}";

    /// <summary>The body as shown: highlighted when opened from a search, every paragraph with its anchor and link.</summary>
    public string BodyHtml => ParagraphAnchors.Add(Highlight?.BodyHtml ?? Release.BodyHtml, ParagraphUrl);

    /// <summary>A paragraph's link: this page citing that paragraph, scrolled to it.</summary>
    public string ParagraphUrl(int paragraph) => string.Create(CultureInfo.InvariantCulture, $"{PlainUrl}?p={paragraph}#p{paragraph}");

    private string ParagraphQuery => Paragraph is { } p ? string.Create(CultureInfo.InvariantCulture, $"?p={p}") : "";

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "q")] string? q, [FromQuery(Name = "p")] string? p, CancellationToken cancellationToken)
    {
        await startup.WhenStoreReady.WaitAsync(cancellationToken);
        var release = await releases.FindAsync(slug, cancellationToken);
        if (release is null)
        {
            return NotFound();
        }

        Release = release;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        CanonicalUrl = $"{SiteUrl.Base(Request)}/releases/{release.Slug}";
        Description = ReleaseMeta.Description(release.BodyText);

        // A withdrawn release keeps its permalink: 410 tells crawlers it is gone for good, the page tells people when.
        if (release.IsRemoved)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        // The page carries today's date in its citation, so its version changes at midnight as well as with the store.
        var today = RetrievalDate.Today(clock);
        if (CacheHeaders.IsNotModified(HttpContext, served.OfRelease(release, today)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Paragraph = ParagraphAnchors.Parse(p, release.BodyHtml);
        Citation = ApaCitation.From(CitationSource.From(release, SiteUrl.Base(Request), today, Paragraph));

        if (Query is not null && !string.IsNullOrWhiteSpace(release.BodyHtml))
        {
            Highlight = await highlighter.HighlightAsync(release, Query, cancellationToken);
        }

        Reannouncements = await reannouncements.ForAsync(release, cancellationToken);

        // Related releases come from the index; while it is being built the page goes without them.
        if (startup.IsIndexReady)
        {
            Related = await search.RelatedAsync(release.Slug, ReleasesApi.RelatedCount, cancellationToken);
        }

        return Page();
    }
}
