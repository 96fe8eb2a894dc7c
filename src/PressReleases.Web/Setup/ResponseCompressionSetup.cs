using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PressReleases.Web.Setup;

/// <summary>
/// gzip (preferred) and Brotli for every text the site makes per request. gzip comes first because it is the
/// cheaper of the two at the fastest level: on the search page under load, gzip cost about 7 % of the requests a
/// second and Brotli about 15 %, above the 10 % the site allows (docs/performance.md, "Compression"). Browsers
/// accept both at equal weight, so they get gzip; a client that asks for Brotli alone, or ranks it higher, gets
/// Brotli. Static files are Brotli, compressed once at build time. Also over HTTPS: the BREACH attack needs
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
            // Among encodings a client accepts at equal weight, the first registered wins.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
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
