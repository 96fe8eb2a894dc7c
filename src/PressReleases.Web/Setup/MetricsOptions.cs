using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Metrics</c> configuration section (<see cref="MetricsSetup"/>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "PressReleases:Metrics";

    /// <summary>Collect the metrics and serve <c>/metrics</c>; off, neither costs anything.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Unset (the default): <c>/metrics</c> answers only requests from the machine itself (a loopback address),
    /// and 404 to any other. Set: it answers only requests that arrive on this port, from any address, and 404 on
    /// the site's other ports; the site must also listen on it (e.g. <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>).
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }
}
