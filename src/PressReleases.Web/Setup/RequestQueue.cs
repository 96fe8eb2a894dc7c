using Microsoft.Extensions.Options;

namespace PressReleases.Web.Setup;

/// <summary>
/// Processes at most <see cref="RequestQueueOptions.MaxConcurrent"/> requests at a time and lets the rest
/// wait their turn in arrival order. Searching and rendering are CPU-bound: when every request runs at once
/// the processors are shared among all of them, so under load each one takes as long as the whole backlog
/// and an expensive search many times longer than a cheap one. Taken in order, a request waits for those
/// ahead of it and then runs at full speed: the same throughput, and the slowest responses much closer to
/// the typical one (docs/performance.md). Static files are served before this point; endpoints marked with
/// <see cref="RequestQueueExtensions.BypassRequestQueue"/> (the health probe, the long-running exports) are
/// not queued. A request whose client goes away while it waits is dropped from the queue.
/// </summary>
public sealed class RequestQueue(RequestDelegate next, IOptions<RequestQueueOptions> options, ILogger<RequestQueue> logger)
{
    // SemaphoreSlim hands its slots to asynchronous waiters in the order they began to wait.
    private readonly SemaphoreSlim slots = new(options.Value.EffectiveMaxConcurrent, options.Value.EffectiveMaxConcurrent);
    private readonly int maxQueued = options.Value.MaxQueued;
    private int waiting;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BypassRequestQueueMetadata>() is not null)
        {
            await next(context);
            return;
        }

        if (!slots.Wait(0) && !await WaitForTurnAsync(context))
        {
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>False when the request was answered (queue full) or abandoned instead of getting a turn.</summary>
    private async Task<bool> WaitForTurnAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref waiting) > maxQueued)
        {
            Interlocked.Decrement(ref waiting);
            logger.LogWarning("Request queue full ({MaxQueued} waiting): {Path} answered 503", maxQueued, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return false;
        }

        try
        {
            await slots.WaitAsync(context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}

/// <summary>Endpoint metadata: requests to it skip <see cref="RequestQueue"/>.</summary>
public sealed class BypassRequestQueueMetadata
{
    public static readonly BypassRequestQueueMetadata Instance = new();

    private BypassRequestQueueMetadata()
    {
    }
}

public static class RequestQueueExtensions
{
    /// <summary>After routing, which the bypass reads from the endpoint; before the endpoints run.</summary>
    public static WebApplication UsePressReleaseRequestQueue(this WebApplication app)
    {
        app.UseMiddleware<RequestQueue>();
        return app;
    }

    /// <summary>Serves the endpoint without waiting in <see cref="RequestQueue"/>: for probes that must answer now and responses that stream for long.</summary>
    public static TBuilder BypassRequestQueue<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(BypassRequestQueueMetadata.Instance);
}
