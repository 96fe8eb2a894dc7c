using System.Text.Encodings.Web;
using PressReleases.Web.Listing;
using PressReleases.Web.Pages.Names;
using PressReleases.Web.Pages.Releases;

namespace PressReleases.Web.Setup;

public static class PagesSetup
{
    public static IServiceCollection AddPressReleasePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Releases/Index", "");
            options.Conventions.Add(new NameKindRoutes());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddProblemDetails();

        // API responses are application/json, never inlined into a page, so there is no need to escape
        // "…", "ā" or the snippets' <mark> tags as \u sequences; that only makes them harder to read.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddSingleton<ListingLoader>();
        services.AddSingleton<ReleaseHighlighter>();
        return services;
    }

    /// <summary>
    /// Security headers first, so every response carries them; then errors, so they cover everything after them. The friendly error page is used in every
    /// environment: the site is public, and exception details belong in the log, not the browser.
    /// </summary>
    public static WebApplication UsePressReleasePipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }

    public static WebApplication MapPressReleasePages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
