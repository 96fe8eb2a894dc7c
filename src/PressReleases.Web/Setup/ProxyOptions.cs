using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PressReleases.Web.Setup;

/// <summary>
/// The <c>PressReleases:Proxy</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the site believes, beside the framework's loopback default (127.0.0.0/8, ::1).
/// A request from any other address keeps its own client address and scheme, whatever headers it sends.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "PressReleases:Proxy";

    /// <summary>Proxy addresses, one per entry (<c>10.0.0.5</c>, <c>2001:db8::5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>), for proxies whose address changes.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> ProxyNetworks() => KnownNetworks.Select(n => IPNetwork.Parse(n));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:KnownProxies:{i} is '{KnownProxies[i]}', which is not an IP address (for example 10.0.0.5 or 2001:db8::5).",
                    [nameof(KnownProxies)]);
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:KnownNetworks:{i} is '{KnownNetworks[i]}', which is not a network in CIDR form (for example 10.0.0.0/8 or 2001:db8::/32).",
                    [nameof(KnownNetworks)]);
            }
        }
    }
}
