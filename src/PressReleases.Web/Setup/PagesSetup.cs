using System.Text.Encodings.Web;
using PressReleases.Core.Store;
using PressReleases.Web.Listing;
using PressReleases.Web.Pages.Names;
using PressReleases.Web.Pages.Releases;

namespace PressReleases.Web.Setup;

public static class PagesSetup
{
    public static IHostApplicationBuilder AddPressReleasePages(this IHostApplicationBuilder builder)
    {
        // Run from a build output (dotnet run, the tests) rather than a publish, MapStaticAssets would add a
        // catch-all endpoint for files missing from its manifest, and every unknown address would answer a
        // writing method with 405 instead of 404. The site has no files outside wwwroot's manifest.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Releases/Index", "");
            options.Conventions.Add(new NameKindRoutes());
        });
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        builder.Services.AddProblemDetails();

        // API responses are application/json, never inlined into a page, so there is no need to escape
        // "…", "ā" or the snippets' <mark> tags as \u sequences; that only makes them harder to read.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddSingleton<ListingLoader>();
        builder.Services.AddSingleton<ReleaseHighlighter>();
        builder.Services.AddSingleton<ReleaseHistoryReader>();
        return builder;
    }

    public static WebApplication MapPressReleasePages(this WebApplication app)
    {
        // wwwroot as fingerprinted endpoints (css/site.{hash}.css), compressed at build time and served with
        // immutable caching; pages link the fingerprinted names. A static file is never queued behind searches.
        app.MapStaticAssets().Add(endpoint => endpoint.Metadata.Add(BypassRequestQueueMetadata.Instance));
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
