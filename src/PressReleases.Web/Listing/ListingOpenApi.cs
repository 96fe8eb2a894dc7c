using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace PressReleases.Web.Listing;

/// <summary>
/// The listing parameters in the OpenAPI description. The endpoints read the query string themselves (with
/// <see cref="ListingQuery"/>, like the pages), so there are no handler parameters to infer them from: the
/// description takes them from the same table the parsing does.
/// </summary>
public static class ListingOpenApi
{
    public static RouteHandlerBuilder WithListingParameters(this RouteHandlerBuilder endpoint, ListingSurface surface) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in ListingParameters.All.Where(p => p.IsOn(surface)))
            {
                operation.Parameters.Add(Describe(parameter));
            }

            return Task.CompletedTask;
        });

    private static OpenApiParameter Describe(ListingParameter parameter)
    {
        var schema = new OpenApiSchema { Type = parameter.Type, Format = parameter.Format };
        if (parameter.Values is { } values)
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }

        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = parameter.Description,
            Required = false,
            Explode = true,
            Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
        };
    }
}
