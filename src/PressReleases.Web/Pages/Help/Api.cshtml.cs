using Microsoft.AspNetCore.Mvc.RazorPages;
using PressReleases.Web.Discovery;

namespace PressReleases.Web.Pages.Help;

/// <summary>/help/api: the JSON API, exports and feeds for people writing scripts. Static text; the reference is /openapi/v1.json.</summary>
public sealed class ApiModel : PageModel
{
    /// <summary>Every example on the page, as a site-relative link; the tests follow each of them.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "/api/releases?q=geothermal&pageSize=5",
        "/api/releases?minister=jacinda-ardern&from=2020-03-01&to=2020-06-30",
        "/api/releases?q=%22free%20trade%22&sort=newest&facetLimit=5",
        "/api/releases.csv?q=housing",
        "/api/releases.ndjson?portfolio=education&sort=oldest",
        "/feeds/releases.atom",
        "/feeds/releases.atom?minister=jacinda-ardern",
        "/feeds/releases.atom?q=climate%20change",
        "/healthz",
        "/openapi/v1.json",
    ];

    /// <summary>A curl command for an example, at this site's own address (<see cref="SiteUrl"/>), ready to paste.</summary>
    public string Curl(string path) => $"curl '{SiteUrl.Base(Request)}{path}'";
}
