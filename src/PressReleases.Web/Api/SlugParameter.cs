using Microsoft.OpenApi;

namespace PressReleases.Web.Api;

internal static class SlugParameter
{
    /// <summary>Describes the {slug} route parameter of a release endpoint in the OpenAPI description.</summary>
    public static RouteHandlerBuilder WithSlugParameter(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == "slug") is OpenApiParameter slug)
            {
                slug.Description = "The release's permalink slug, as in /releases/{slug} and the slug field of a list item.";
            }

            return Task.CompletedTask;
        });
}
