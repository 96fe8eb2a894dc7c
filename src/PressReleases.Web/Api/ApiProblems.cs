using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Web.Listing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>The answers every machine-readable surface (API, exports, feeds) gives to bad parameters and to a site still starting.</summary>
internal static class ApiProblems
{
    /// <summary>How long a request waits for a starting store or index before answering 503.</summary>
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    /// <summary>A 400 listing each bad parameter and why; null when there are none.</summary>
    public static ValidationProblem? Invalid(IEnumerable<QueryProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Parameter)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return errors.Count == 0
            ? null
            : TypedResults.ValidationProblem(errors, title: "Invalid query parameters", detail: $"Check: {string.Join(", ", errors.Keys)}.");
    }

    /// <summary>
    /// Null once <paramref name="ready"/> has completed; a 503 problem (with Retry-After) if it does not in
    /// time or startup failed. It waits a little because a site that has just started is usually ready within seconds.
    /// </summary>
    public static async Task<ProblemHttpResult?> WaitAsync(HttpContext context, Task ready, CancellationToken cancellationToken)
    {
        try
        {
            await ready.WaitAsync(StartupWait, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting", detail: "The site is still opening its store and search index; try again shortly.");
        }
        catch (StartupFailedException)
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable", detail: "The site failed to start; see its log.");
        }
    }
}
