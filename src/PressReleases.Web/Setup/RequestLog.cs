using System.Diagnostics;

namespace PressReleases.Web.Setup;

/// <summary>
/// One log line per request, when it has been answered: method, path, status and milliseconds taken, at
/// Information under the category <c>PressReleases.Requests</c> ("GET /releases 200 4.1 ms"). Placed at the start
/// (after the forwarded headers only), so the time includes the request queue and the status is the one sent, error pages included. The query string is
/// left out: a search's words say something about the person who typed them, and the metrics count searches
/// without them. Health probes are left out too: a balancer asks every few seconds and the answer is in the
/// metrics. At the site's load (about 1,500 requests a second) the line is the cost, so nothing else is done:
/// no headers, no body, and nothing at all when the category is turned down (<c>Logging:LogLevel:PressReleases.Requests</c>).
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "PressReleases.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information) || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // An exception that got this far becomes the server's own 500 unless the response had already begun.
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            // Escaped, so a path holding a decoded line break cannot forge a line of the log.
            LogRequest(context.Request.Method, context.Request.Path.ToUriComponent(), status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms")]
    private partial void LogRequest(string method, string path, int statusCode, double elapsedMs);
}

public static class RequestLogExtensions
{
    /// <summary>At the start of the pipeline, so every request is timed from its start to its answer.</summary>
    public static WebApplication UsePressReleaseRequestLog(this WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        return app;
    }
}
