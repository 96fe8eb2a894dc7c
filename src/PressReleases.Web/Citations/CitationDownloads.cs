using System.Text;
using Microsoft.Net.Http.Headers;
using PressReleases.Web.Caching;
using PressReleases.Web.Discovery;
using PressReleases.Web.Display;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Citations;

/// <summary><c>/releases/{slug}/cite.bib</c> and <c>/cite.ris</c>: a release's citation as a file for a reference manager.</summary>
public static class CitationDownloads
{
    public const string BibTexContentType = "application/x-bibtex; charset=utf-8";

    public const string RisContentType = "application/x-research-info-systems; charset=utf-8";

    public static IEndpointRouteBuilder MapPressReleaseCitations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/releases/{slug}/cite.bib", (string slug, HttpContext context, CancellationToken ct) =>
            DownloadAsync(slug, "bib", BibTexContentType, BibTexWriter.Write, context, ct));
        app.MapGet("/releases/{slug}/cite.ris", (string slug, HttpContext context, CancellationToken ct) =>
            DownloadAsync(slug, "ris", RisContentType, RisWriter.Write, context, ct));
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string slug, string extension, string contentType, Func<CitationSource, string> write, HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        await services.GetRequiredService<StartupState>().WhenStoreReady.WaitAsync(cancellationToken);
        var release = await services.GetRequiredService<ReleaseLookup>().FindAsync(slug, cancellationToken);
        if (release is null)
        {
            return Results.NotFound();
        }

        // Like the permalink page: a withdrawn release is gone for good, and so is its citation file.
        if (release.IsRemoved)
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }

        var today = RetrievalDate.Today(services.GetRequiredService<TimeProvider>());
        if (CacheHeaders.IsNotModified(context, services.GetRequiredService<ServedVersion>().OfRelease(release, today)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var paragraph = ParagraphAnchors.Parse(context.Request.Query["p"], release.BodyHtml);
        var source = CitationSource.From(release, SiteUrl.Base(context.Request), today, paragraph);

        // Slugs are lower-case ASCII letters, digits and '-', so the file name needs no quoting beyond the quotes.
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{release.Slug}.{extension}\"" };
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Text(write(source), contentType, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
