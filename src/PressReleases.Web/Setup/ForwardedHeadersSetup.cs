using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PressReleases.Web.Setup;

/// <summary>
/// Behind a reverse proxy: the client address (rate limits, logs) and the scheme come from the proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed only from the proxies <see cref="ProxyOptions"/>
/// names and loopback. <c>X-Forwarded-Host</c> is never read: the host is the request's own <c>Host</c>, which
/// the framework's host filtering has already checked against <c>AllowedHosts</c>, and absolute addresses come
/// from <c>PressReleases:PublicBaseUrl</c> when it is set (<see cref="Discovery.SiteUrl"/>).
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IHostApplicationBuilder AddPressReleaseProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // A chain of known proxies (a CDN in front of nginx) is walked back to the first address that is
                // not one of them: that is the client. The walk stops at an unknown address, so a client cannot
                // plant an address of its choosing by sending X-Forwarded-For itself.
                forwarded.ForwardLimit = null;
                foreach (var address in proxy.Value.ProxyAddresses())
                {
                    forwarded.KnownProxies.Add(address);
                }

                foreach (var network in proxy.Value.ProxyNetworks())
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UsePressReleaseForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
