using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>
/// The <c>PressReleases:ApiRateLimit</c> configuration section: how many requests one client (by IP
/// address) may make to <c>/api/*</c> (the JSON API and the exports) in a fixed window.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "PressReleases:ApiRateLimit";

    /// <summary>Requests per window per client IP address; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>Length of the window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    public bool Enabled => PermitLimit > 0;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
