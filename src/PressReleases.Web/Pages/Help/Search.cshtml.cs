using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PressReleases.Web.Pages.Help;

/// <summary>/help/search: the query language, filters and bounds, for people who search for a living. Static text.</summary>
public sealed class SearchModel : PageModel
{
    /// <summary>An example's link: the listing searching for exactly that text.</summary>
    public static string Example(string query) => "/releases" + QueryString.Create("q", query).ToUriComponent();
}
