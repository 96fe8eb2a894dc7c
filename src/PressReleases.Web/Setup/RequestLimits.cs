using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PressReleases.Web.Setup;

/// <summary>
/// What keeps hostile requests cheap, the public site read-only and responses timely under load: GET/HEAD-only
/// pages, the API rate limit and the request queue. Kestrel's own limits (8 KB request line → 414, 32 KB of
/// headers → 431) are left at their defaults; docs/reliability.md lists every limit and the test that shows
/// it applied.
/// </summary>
public static class RequestLimits
{
    public static IHostApplicationBuilder AddPressReleaseRequestLimits(this IHostApplicationBuilder builder)
    {
        // After every other convention, so routes they add (the "/" alias of /releases) are covered too.
        builder.Services.PostConfigure<RazorPagesOptions>(pages => pages.Conventions.Add(new ReadOnlyPages()));
        builder.Services.AddApiRateLimit();
        builder.Services.AddOptions<RequestQueueOptions>()
            .BindConfiguration(RequestQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
