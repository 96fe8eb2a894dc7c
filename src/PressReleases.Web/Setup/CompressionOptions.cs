using System.IO.Compression;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Compression</c> section: how hard responses are compressed.</summary>
public sealed class CompressionOptions
{
    public const string SectionName = "PressReleases:Compression";

    /// <summary>
    /// gzip's and Brotli's level for pages, JSON, CSV, NDJSON, XML and Atom made per request. <c>Fastest</c> by
    /// default: with gzip, which browsers get, measured to keep the search page's throughput within the 10 % the
    /// site allows for compression, where <c>Optimal</c> is not (docs/performance.md, "Compression").
    /// <c>NoCompression</c> turns it off.
    /// Static files are compressed at build time at the smallest size whatever this says.
    /// </summary>
    public CompressionLevel Level { get; set; } = CompressionLevel.Fastest;
}
