using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PressReleases.Web.Setup;

/// <summary>
/// Brotli (preferred) and gzip for every text the site makes per request. Also over HTTPS: the BREACH attack needs
/// a secret in the same response as text the attacker controls, and no page here carries a secret (no cookies,
/// no anti-forgery tokens, no per-user content).
/// </summary>
public static class ResponseCompressionSetup
{
    /// <summary>What is worth compressing; everything else (images in data: URLs aside) is already small or compressed.</summary>
    public static readonly string[] MimeTypes =
    [
        "text/html", "text/plain", "text/css", "text/csv",
        "application/json", "application/problem+json", "application/x-ndjson",
        "application/xml", "text/xml", "application/atom+xml", "application/opensearchdescription+xml",
        "application/x-bibtex", "application/x-research-info-systems", "image/svg+xml",
    ];

    public static IHostApplicationBuilder AddPressReleaseCompression(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CompressionOptions>().BindConfiguration(CompressionOptions.SectionName).ValidateOnStart();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.AddOptions<BrotliCompressionProviderOptions>()
            .Configure<IOptions<CompressionOptions>>((brotli, compression) => brotli.Level = compression.Value.Level);
        builder.Services.AddOptions<GzipCompressionProviderOptions>()
            .Configure<IOptions<CompressionOptions>>((gzip, compression) => gzip.Level = compression.Value.Level);
        return builder;
    }

    /// <summary>Outside the output cache, which keeps one uncompressed copy and so serves every client's encoding.</summary>
    public static WebApplication UsePressReleaseCompression(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CompressionOptions>>().Value.Level != System.IO.Compression.CompressionLevel.NoCompression)
        {
            app.UseResponseCompression();
        }

        return app;
    }
}
