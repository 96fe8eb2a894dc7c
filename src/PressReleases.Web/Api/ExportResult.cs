using System.Text;
using Microsoft.Net.Http.Headers;
using PressReleases.Core.Search.Export;

namespace PressReleases.Web.Api;

/// <summary>
/// Writes an export as it is read: one line per release straight to the response, flushed every
/// <see cref="FlushEvery"/> lines, so neither the releases nor the output are ever held whole and the
/// client sees data from the start. A client that goes away cancels the enumeration, which returns its
/// index lease.
/// </summary>
internal sealed class ExportResult(
    IAsyncEnumerable<ExportedRelease> releases,
    string contentType,
    string fileName,
    Encoding encoding,
    string? header,
    string newline,
    Func<ExportedRelease, string> line) : IResult
{
    private const int FlushEvery = 500;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

        // Async writes only (the server forbids synchronous I/O); leaveOpen because the server owns the body.
        await using var writer = new StreamWriter(response.Body, encoding, bufferSize: 16 * 1024, leaveOpen: true);
        if (header is not null)
        {
            await writer.WriteAsync(header + newline);
        }

        var count = 0;
        await foreach (var release in releases.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(line(release));
            await writer.WriteAsync(newline);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}
