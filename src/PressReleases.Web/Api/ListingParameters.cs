using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace PressReleases.Web.Api;

/// <summary>
/// The listing parameters as the OpenAPI description shows them. The endpoints read the query string
/// themselves (with <c>ReleaseListQuery.Parse</c>, like the pages), so there are no handler parameters for
/// the description to infer them from; they are declared here instead, once for every surface.
/// </summary>
internal static class ListingParameters
{
    public static readonly string[] Search = ["q", "minister", "portfolio", "from", "to", "sort", "page", "pageSize", "facetLimit"];

    public static readonly string[] Export = ["q", "minister", "portfolio", "from", "to", "sort"];

    public static readonly string[] Feed = ["q", "minister", "portfolio", "from", "to"];

    private sealed record Definition(string Description, JsonSchemaType Type, string? Format = null, bool Repeatable = false, string[]? Values = null);

    private static readonly Dictionary<string, Definition> Definitions = new(StringComparer.Ordinal)
    {
        ["q"] = new("Search words, in the query language of /help/search (phrases in quotes, -exclude, OR, prefix*, title:, minister:, portfolio:). Up to 1,000 characters.", JsonSchemaType.String),
        ["minister"] = new("A minister's slug, e.g. jacinda-ardern. Repeat for any of several ministers.", JsonSchemaType.String, Repeatable: true),
        ["portfolio"] = new("A portfolio's slug, e.g. trade. Repeat for any of several portfolios (and with minister: both must match).", JsonSchemaType.String, Repeatable: true),
        ["from"] = new("First release date, inclusive (YYYY-MM-DD).", JsonSchemaType.String, "date"),
        ["to"] = new("Last release date, inclusive (YYYY-MM-DD); not before from.", JsonSchemaType.String, "date"),
        ["sort"] = new("Order: relevance (default with q), newest (default without q) or oldest. Undated releases come last.", JsonSchemaType.String, Values: ["relevance", "newest", "oldest"]),
        ["page"] = new("1-based page number; a page past the end answers the last page. At most 10,000 results are reachable by paging.", JsonSchemaType.Integer, "int32"),
        ["pageSize"] = new("Results per page, 1–100 (default 20).", JsonSchemaType.Integer, "int32"),
        ["facetLimit"] = new("Minister and portfolio facet values returned, 0–200 (default 20); counts are always exact.", JsonSchemaType.Integer, "int32"),
    };

    public static RouteHandlerBuilder WithListingParameters(this RouteHandlerBuilder endpoint, string[] names) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var name in names)
            {
                operation.Parameters.Add(Parameter(name, Definitions[name]));
            }

            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder WithSlugParameter(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == "slug") is OpenApiParameter slug)
            {
                slug.Description = "The release's permalink slug, as in /releases/{slug} and the slug field of a list item.";
            }

            return Task.CompletedTask;
        });

    private static OpenApiParameter Parameter(string name, Definition definition)
    {
        var schema = new OpenApiSchema { Type = definition.Type, Format = definition.Format };
        if (definition.Values is { } values)
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }

        return new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Query,
            Description = definition.Description,
            Required = false,
            Explode = true,
            Schema = definition.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
        };
    }
}
