namespace PressReleases.Web.Api;

public static class OpenApiSetup
{
    /// <summary>
    /// The OpenAPI description of the machine-readable surfaces only (/api, /healthz and /healthz/live, /feeds): the Razor
    /// pages are for people and are left out. Schemas come from the same JSON options as the responses, so
    /// they are camelCase like the JSON itself.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseApiDescription(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath is { } path
                && (path.StartsWith("api/", StringComparison.Ordinal) || path is "healthz" or "healthz/live" || path.StartsWith("feeds/", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PressReleases API";
                document.Info.Description = "New Zealand government press releases: search, one release, whole-result exports (CSV, NDJSON), Atom feeds and health. Human guide: /help/api.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>GET /openapi/v1.json.</summary>
    public static IEndpointRouteBuilder MapPressReleaseApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        return app;
    }
}
