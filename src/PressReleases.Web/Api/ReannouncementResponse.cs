using PressReleases.Core.Reannouncements;

namespace PressReleases.Web.Api;

/// <summary>Another release much of whose text this one shares (GET /api/releases/{slug}, <c>reannouncements</c>).</summary>
/// <param name="Share">The share of this release's text (its five-word runs) that also appears in the other, 0 to 1.</param>
/// <param name="OtherShare">The share of the other's text that also appears in this one; at least one of the two is 0.6 or more.</param>
/// <param name="First">
/// The other release is the first appearance: the earliest of this release and every release it lists. When no entry
/// is first, this release is.
/// </param>
public sealed record ReannouncementResponse(string Slug, string Title, DateOnly? Date, double Share, double OtherShare, bool First)
{
    public static ReannouncementResponse From(ReannouncementLink link) =>
        new(link.Slug, link.Title, link.Date, Math.Round(link.Share, 3), Math.Round(link.OtherShare, 3), link.IsFirst);
}
