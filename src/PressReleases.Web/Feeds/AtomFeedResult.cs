using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace PressReleases.Web.Feeds;

/// <summary>Writes a feed as Atom 1.0 (application/atom+xml, UTF-8).</summary>
internal sealed class AtomFeedResult(SyndicationFeed feed) : IResult
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // The formatter writes synchronously, which the server forbids on the response body; a feed is at
        // most 50 entries without bodies, so it is written to memory first and then sent in one write.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }

        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
