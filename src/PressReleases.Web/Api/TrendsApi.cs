using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PressReleases.Core.Search;
using PressReleases.Web.Caching;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>
/// GET /api/trends (JSON) and /trends.csv: the trend page's counts for programs and spreadsheets. Bad parameters
/// answer 400 as on /api/releases, a starting site 503; /api/trends is rate limited with the rest of /api, while
/// /trends.csv, the page's own download and no dearer than the page, is not.
/// </summary>
public static class TrendsApi
{
    // A byte order mark, as the release exports have, so spreadsheet programs read the file as UTF-8.
    private static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static IEndpointRouteBuilder MapPressReleaseTrends(this IEndpointRouteBuilder app)
    {
        app.MapGet(TrendQuery.ApiPath, JsonAsync)
            .WithName("GetTrend")
            .WithTags("Trends")
            .WithSummary("Matching releases per year or month")
            .WithDescription("The same words, names and dates as /api/releases; how many matching releases appeared in each year (each month when the range is under three years), "
                + "every period from the first to the last included, beside all releases of the period and the share they are. Undated releases are counted apart. "
                + "split=minister or split=portfolio adds the five values with most matching releases and each one's count per period. CSV: /trends.csv.")
            .WithListingParameters(ListingSurface.Trend)
            .WithSplitParameter()
            .Produces<TrendResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet(TrendQuery.CsvPath, CsvAsync)
            .WithName("GetTrendCsv");
        return app;
    }

    private static async Task<IResult> JsonAsync(HttpContext context, StartupState startup, SearchService search, CancellationToken cancellationToken)
    {
        var (trend, rejection) = await CountAsync(context, startup, search, cancellationToken);
        return trend is null ? rejection! : TypedResults.Ok(TrendResponse.From(trend));
    }

    private static async Task<IResult> CsvAsync(HttpContext context, StartupState startup, SearchService search, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (trend, rejection) = await CountAsync(context, startup, search, cancellationToken);
        if (trend is null)
        {
            return rejection!;
        }

        byte[] bytes = [.. CsvEncoding.GetPreamble(), .. CsvEncoding.GetBytes(TrendCsv.Write(trend))];
        var name = string.Create(CultureInfo.InvariantCulture, $"pressreleases-trend-{clock.GetUtcNow():yyyyMMdd}.csv");
        return TypedResults.File(bytes, "text/csv; charset=utf-8; header=present", name);
    }

    /// <summary>The trend the query string asks for; or none and the 400 (bad parameters) or 503 (starting) answer instead.</summary>
    private static async Task<(Trend? Trend, IResult? Rejection)> CountAsync(HttpContext context, StartupState startup, SearchService search, CancellationToken cancellationToken)
    {
        var (query, problems) = TrendQuery.Parse(context.Request.Query);
        if (ApiProblems.Invalid(problems) is { } invalid)
        {
            return (null, invalid);
        }

        if (await ApiProblems.WaitAsync(context, startup.WhenIndexReady, cancellationToken) is { } notReady)
        {
            return (null, notReady);
        }

        var trend = await search.TrendAsync(query.Request, query.Split, cancellationToken);
        CacheHeaders.ShortLived(context);
        return (trend, null);
    }

    /// <summary><c>split</c> in the OpenAPI description; the handler reads it from the query string itself, as it does the listing's parameters.</summary>
    private static RouteHandlerBuilder WithSplitParameter(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = TrendQuery.SplitParameter,
                In = ParameterLocation.Query,
                Description = "Also count the five ministers or portfolios with most matching releases, each per period (a release naming two counts under both), and the releases naming none of them.",
                Required = false,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = TrendQuery.SplitValues.Select(v => (JsonNode)JsonValue.Create(v)).ToList() },
            });
            return Task.CompletedTask;
        });
}
