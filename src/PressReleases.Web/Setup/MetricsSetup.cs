using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PressReleases.Web.Following;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Setup;

/// <summary>
/// OpenTelemetry metrics, served for Prometheus at <c>/metrics</c>: ASP.NET Core's and the runtime's instruments and
/// the site's own on the <see cref="SearchMetrics.MeterName"/> meter (<see cref="SearchMetrics"/>, <see cref="FollowerMetrics"/>).
/// The endpoint tells how the site is used and how it is doing, so it is not for everyone: it answers requests from
/// the machine itself, or only on <see cref="MetricsOptions.Port"/> when that is set. docs/observability.md.
/// </summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddPressReleaseMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The instruments exist either way (recording with no one listening costs next to nothing), so the code
        // that records need not ask whether metrics are on.
        builder.Services.AddSingleton<SearchMetrics>();
        builder.Services.AddSingleton<FollowerMetrics>();

        // Read before the options are validated; a value that is not a boolean is reported by validation at start.
        if (!bool.TryParse(builder.Configuration[MetricsOptions.SectionName + ":" + nameof(MetricsOptions.Enabled)], out var enabled))
        {
            enabled = true;
        }

        if (enabled)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("pressreleases"))
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(SearchMetrics.MeterName)
                    // Every scrape sees the numbers of that moment: only the scraper can reach the endpoint, so
                    // the exporter's response cache (against many scrapers at once) is not needed.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
            builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
                metrics.AddView(OnlyThisHosts(services.GetRequiredService<IMeterFactory>())));
        }

        return builder;
    }

    /// <summary>
    /// OpenTelemetry picks meters by name from the whole process, so with two hosts in one process (the tests run
    /// many) each would report the other's searches and ingests as well. Meters made by another host's factory are
    /// dropped; the runtime's, which belong to no host, are kept. With one host per process this drops nothing.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHosts(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    public static WebApplication MapPressReleaseMetrics(this WebApplication app)
    {
        // The gauges are created with it; nothing else asks for it.
        app.Services.GetRequiredService<FollowerMetrics>();

        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapPrometheusScrapingEndpoint(
                Path,
                meterProvider: null,
                configureBranchedPipeline: scrape => scrape.Use((context, next) =>
                {
                    if (IsAllowed(context.Connection, options.Port))
                    {
                        return next(context);
                    }

                    // As if there were no such page: nothing tells a stranger the endpoint exists.
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }),
                optionsName: null)
            // The exporter maps every method; the site is read-only, so GET and HEAD alone (405 for the rest).
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            // A scrape must answer while the site is busy, and is not part of the site's traffic.
            .BypassRequestQueue()
            .DisableHttpMetrics()
            .ExcludeFromDescription();

        if (options.Port is { } port)
        {
            app.Lifetime.ApplicationStarted.Register(() => WarnIfNotListening(app, port));
        }

        return app;
    }

    /// <summary>
    /// With a port, the port the request arrived on (the connection's, not the Host header's, which the client
    /// writes); without, a loopback client address. Behind a reverse proxy on the same machine every request comes
    /// from loopback unless the forwarded-headers middleware puts the client's address back, so a proxy there
    /// must not pass /metrics on, or a port must be set (docs/observability.md).
    /// </summary>
    internal static bool IsAllowed(ConnectionInfo connection, int? port)
    {
        if (port is { } metricsPort)
        {
            return connection.LocalPort == metricsPort;
        }

        return connection.RemoteIpAddress is { } remote
            && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    /// <summary>A port the site does not listen on would make /metrics answer nowhere: say so once, at start.</summary>
    private static void WarnIfNotListening(WebApplication app, int port)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is not { Count: > 0 } || addresses.Any(address => BindingAddress.Parse(address).Port == port))
        {
            return;
        }

        app.Logger.LogWarning(
            "PressReleases:Metrics:Port is {Port} but the site listens only on {Addresses}: /metrics answers nowhere. Add http://+:{Port} to ASPNETCORE_URLS",
            port,
            string.Join(", ", addresses),
            port);
    }
}
