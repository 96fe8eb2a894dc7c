using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PressReleases.Web.Setup;

/// <summary>
/// A fixed-window limit per client IP address on <c>/api/*</c> (the JSON API and the CSV/NDJSON exports),
/// from <see cref="ApiRateLimitOptions"/>. Pages, feeds and static files are not limited: people browsing
/// never meet it, while a script looping over the API is slowed to the configured rate. The limiter is
/// global and picks API requests by path, so no API route can be left out; Program.cs places it after routing.
/// </summary>
public static class ApiRateLimiting
{
    internal static IServiceCollection AddApiRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ApiRateLimitOptions>>((limiter, api) => Configure(limiter, api.Value));
        return services;
    }

    public static bool IsLimited(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static void Configure(RateLimiterOptions limiter, ApiRateLimitOptions api)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, cancellationToken) => RejectAsync(context, api, cancellationToken);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            api.Enabled && IsLimited(context.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = api.PermitLimit,
                    Window = api.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>
    /// The connection's address. Behind a reverse proxy every request would share the proxy's address, so a
    /// deployment there must also enable the forwarded-headers middleware (see docs/reliability.md).
    /// </summary>
    private static string ClientKey(HttpContext context) => ClientKeyOf(context.Connection.RemoteIpAddress);

    /// <summary>
    /// The client an address stands for: an IPv4 address itself (also when it arrives IPv4-mapped), an IPv6 address
    /// by its /64. One IPv6 subscriber is usually given a whole /64 and can use any address in it, so keying by the
    /// full address would give one client billions of separate limits.
    /// </summary>
    internal static string ClientKeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, ApiRateLimitOptions api, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : api.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"This address may make {api.PermitLimit} API requests every {api.WindowSeconds} s; try again in {seconds} s."),
        };
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // A client that accepts no JSON still learns why, in plain text.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(problem.Detail, cancellationToken);
        }
    }
}
