using System.Text;
using System.Xml;

namespace PressReleases.Web.Discovery;

/// <summary>
/// Writes an XML document straight to the response as it is produced, so a 50,000-URL sitemap is never held
/// in memory. Kestrel forbids synchronous writes, hence the async writer, flush and dispose.
/// </summary>
public sealed class XmlResult(string contentType, Func<XmlWriter, Task> write) : IResult
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = contentType;
        await using var writer = XmlWriter.Create(httpContext.Response.Body, Settings);
        await writer.WriteStartDocumentAsync();
        await write(writer);
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }
}
