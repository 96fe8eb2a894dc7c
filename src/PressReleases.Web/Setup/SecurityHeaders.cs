using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PressReleases.Web.Setup;

/// <summary>
/// Security headers on every response (pages, API, static files, feeds, exports, redirects and re-executed
/// error pages) and no Server header. The site has no inline script or style, so the policy needs no
/// 'unsafe-inline'. docs/security.md says what each header is for.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Every header this site sets on every response, with its value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
        new("X-Frame-Options", "DENY"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    /// <summary>Kestrel stops announcing itself in a Server header.</summary>
    public static IHostApplicationBuilder AddPressReleaseSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Adds the headers as the response starts rather than on the way in, so they survive the exception
    /// handler clearing the response and land on whatever is finally sent. Put it first in the pipeline.
    /// </summary>
    public static WebApplication UsePressReleaseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in All)
                {
                    headers[name] = value;
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
