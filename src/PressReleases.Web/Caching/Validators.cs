using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace PressReleases.Web.Caching;

/// <summary>
/// What a response is a version of: a weak <c>ETag</c> (weak because compression changes the bytes, not the
/// meaning) and a <c>Last-Modified</c> time. <see cref="Answer"/> writes both with a short <c>Cache-Control</c> and
/// says whether the client's copy is current, so the caller can answer 304 instead of doing the work.
/// </summary>
public sealed record Validators(string ETag, DateTimeOffset LastModified)
{
    /// <summary>
    /// How long a shared cache or browser may reuse a response without asking: short, since an ingest can change
    /// any page at any time; after it, a conditional request costs the site one store lookup and answers 304.
    /// </summary>
    public const string CacheControl = "public, max-age=60";

    /// <summary>
    /// Sets the validators on the response. True when the request's <c>If-None-Match</c> names this version, or,
    /// without one, its <c>If-Modified-Since</c> is not older than <see cref="LastModified"/> (RFC 9110 13.2.2).
    /// </summary>
    public bool Answer(HttpContext context)
    {
        var response = context.Response.Headers;
        response.ETag = ETag;
        response.LastModified = LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.CacheControl = CacheControl;

        var request = context.Request.GetTypedHeaders();
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            var current = EntityTagHeaderValue.Parse(ETag);
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        // HTTP dates have whole seconds: compare at that precision, or a copy from this very second looks older.
        return request.IfModifiedSince is { } since && TruncateToSeconds(LastModified) <= since;
    }

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
