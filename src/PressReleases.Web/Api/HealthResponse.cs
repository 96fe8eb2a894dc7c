using System.Text.Json.Serialization;

namespace PressReleases.Web.Api;

/// <summary>
/// GET /healthz: "starting", "ready", "degraded" (serving from this node's index while the store is out of reach)
/// or "failed"; counts and the store's state only once ready.
/// </summary>
public sealed record HealthResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HealthCounts? Releases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HealthStore? Store = null);

/// <param name="Stored">Current (not withdrawn) releases in the store (as last read, while the store is out of reach).</param>
/// <param name="Indexed">Documents searchable now; lower than stored while an ingest is being indexed.</param>
public sealed record HealthCounts(int Stored, int Indexed);

/// <param name="Provider"><c>Sqlite</c> or <c>PostgreSql</c>.</param>
/// <param name="Reachable">Whether the store answered this node's last look.</param>
/// <param name="ChangeSeq">The store's latest change at this node's last successful look.</param>
/// <param name="IndexedChangeSeq">The store change this node's index reflects; equal to <paramref name="ChangeSeq"/> once caught up.</param>
/// <param name="Error">Why the store is out of reach (one line); null while it answers.</param>
/// <param name="UnreachableSince">When the store stopped answering; null while it answers.</param>
public sealed record HealthStore(
    string Provider,
    bool Reachable,
    long? ChangeSeq,
    long IndexedChangeSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? UnreachableSince);
