using System.Text.Json.Serialization;

namespace PressReleases.Web.Api;

/// <summary>GET /healthz: "starting", "ready" or "failed"; counts only once ready.</summary>
public sealed record HealthResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HealthCounts? Releases);

/// <param name="Stored">Current (not withdrawn) releases in the store.</param>
/// <param name="Indexed">Documents searchable now; lower than stored while an ingest is being indexed.</param>
public sealed record HealthCounts(int Stored, int Indexed);
