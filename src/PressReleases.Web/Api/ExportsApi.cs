using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PressReleases.Core.Search;
using PressReleases.Web.Discovery;
using PressReleases.Web.Listing;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>
/// GET /api/releases.csv and /api/releases.ndjson: every release a listing finds (all pages, in its
/// order), streamed. Same parameters as /api/releases, read by the same parser; paging parameters are
/// accepted and ignored, because an export is the whole result set.
/// </summary>
public static class ExportsApi
{
    public const string CsvPath = ListingLinks.CsvPath;
    public const string NdjsonPath = ListingLinks.NdjsonPath;

    // A byte order mark, so spreadsheet programs read the UTF-8 (macrons) as UTF-8 rather than a legacy code page.
    private static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private static readonly Encoding NdjsonEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static IEndpointRouteBuilder MapPressReleaseExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, CsvAsync)
            .BypassRequestQueue()
            .WithName("ExportReleasesCsv")
            .WithTags("Releases")
            .WithSummary("Every matching release as CSV")
            .WithDescription("All releases the search finds (not one page), in its order, as RFC 4180 CSV in UTF-8 (with a byte order mark) and a header row: "
                + CsvFormat.Header + ". Ministers and portfolios are names joined with \"; \". A field starting with = + - @, a tab or a carriage return is prefixed with ' so spreadsheets do not run it as a formula.")
            .WithListingParameters(ListingSurface.Export)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet(NdjsonPath, NdjsonAsync)
            .BypassRequestQueue()
            .WithName("ExportReleasesNdjson")
            .WithTags("Releases")
            .WithSummary("Every matching release as newline-delimited JSON")
            .WithDescription("All releases the search finds (not one page), in its order: one JSON object per line (ExportItem: the list item's fields without the snippet, plus the absolute permalink).")
            .WithListingParameters(ListingSurface.Export)
            .Produces<ExportItem>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> CsvAsync(HttpContext context, StartupState startup, SearchService search, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, rejection) = await ReadAsync(context, startup, cancellationToken);
        if (request is null)
        {
            return rejection!;
        }

        var permalinkBase = SiteUrl.Base(context.Request);
        return new ExportResult(
            search.ExportAsync(request, cancellationToken),
            "text/csv; charset=utf-8; header=present",
            FileName(clock, "csv"),
            CsvEncoding,
            CsvFormat.Header,
            "\r\n",
            release => CsvFormat.Row(release, permalinkBase));
    }

    private static async Task<IResult> NdjsonAsync(
        HttpContext context, StartupState startup, SearchService search, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, rejection) = await ReadAsync(context, startup, cancellationToken);
        if (request is null)
        {
            return rejection!;
        }

        var permalinkBase = SiteUrl.Base(context.Request);
        var options = json.Value.SerializerOptions;
        return new ExportResult(
            search.ExportAsync(request, cancellationToken),
            "application/x-ndjson; charset=utf-8",
            FileName(clock, "ndjson"),
            NdjsonEncoding,
            header: null,
            "\n",
            release => JsonSerializer.Serialize(ExportItem.From(release, permalinkBase), options));
    }

    /// <summary>The search to export; or no search and the 400 (bad parameters) or 503 (starting) answer instead.</summary>
    private static async Task<(SearchRequest? Request, IResult? Rejection)> ReadAsync(HttpContext context, StartupState startup, CancellationToken cancellationToken)
    {
        // Paging parameters left in a copied listing URL are not the export's, so they are not errors either.
        var (request, problems) = ListingQuery.Parse(context.Request.Query, ListingSurface.Export);
        if (ApiProblems.Invalid(problems) is { } invalid)
        {
            return (null, invalid);
        }

        if (await ApiProblems.WaitAsync(context, startup.WhenIndexReady, cancellationToken) is { } notReady)
        {
            return (null, notReady);
        }

        return (request, null);
    }

    private static string FileName(TimeProvider clock, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"pressreleases-{clock.GetUtcNow():yyyyMMdd}.{extension}");
}
