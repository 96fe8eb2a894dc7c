using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PressReleases.Web.Setup;

/// <summary>
/// What keeps hostile requests cheap and the public site read-only: GET/HEAD-only pages and the API rate
/// limit. Kestrel's own limits (8 KB request line → 414, 32 KB of headers → 431) are left at their
/// defaults; docs/reliability.md lists every limit and the test that shows it applied.
/// </summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        // After every other convention, so routes they add (the "/" alias of /releases) are covered too.
        builder.Services.PostConfigure<RazorPagesOptions>(pages => pages.Conventions.Add(new ReadOnlyPages()));
        builder.Services.AddApiRateLimiting();
        return builder;
    }

    /// <summary>After routing (the page conventions act there), before the endpoints run.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app) => app.UseApiRateLimiting();
}
