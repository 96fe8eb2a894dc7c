using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>
/// The <c>PressReleases:Index</c> configuration section: handing a node's committed index to a new node, so the new
/// node copies it instead of analysing every release (docs/scaling.md, "A new node").
/// </summary>
public sealed class IndexOptions : IValidatableObject
{
    public const string SectionName = "PressReleases:Index";

    /// <summary>A shorter key is refused: it is all that stands between the internet and a copy of the index.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// The shared key of the index snapshot: when set, this node serves its last commit at
    /// <c>/internal/index-snapshot</c> to requests carrying it (header <c>X-Snapshot-Key</c>), and a node with
    /// <see cref="SnapshotFrom"/> sends it. Unset, the endpoint does not exist (404).
    /// </summary>
    public string? SnapshotKey { get; set; }

    /// <summary>
    /// The base address of a node of the same store (<c>http://node1:8080</c>) to copy the index from when this node's
    /// index must be built from nothing; the copy is caught up from the store, and any failure falls back to building
    /// the index from the store. Needs <see cref="SnapshotKey"/> and the PostgreSQL store.
    /// </summary>
    public string? SnapshotFrom { get; set; }

    /// <summary><see cref="SnapshotFrom"/> as an address, or null when unset.</summary>
    public Uri? SnapshotSource() => string.IsNullOrWhiteSpace(SnapshotFrom) ? null : new Uri(SnapshotFrom.Trim());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SnapshotKey) && SnapshotKey.Trim().Length < MinKeyLength)
        {
            yield return new ValidationResult(
                $"PressReleases:Index:SnapshotKey is shorter than {MinKeyLength} characters; use a long random value (for example from `openssl rand -hex 32`).",
                [nameof(SnapshotKey)]);
        }

        if (string.IsNullOrWhiteSpace(SnapshotFrom))
        {
            yield break;
        }

        if (!Uri.TryCreate(SnapshotFrom.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"PressReleases:Index:SnapshotFrom is '{SnapshotFrom}'; it must be another node's base address, for example http://node1:8080.",
                [nameof(SnapshotFrom)]);
        }

        if (string.IsNullOrWhiteSpace(SnapshotKey))
        {
            yield return new ValidationResult(
                "PressReleases:Index:SnapshotFrom is set but PressReleases:Index:SnapshotKey is empty: set the key the other node serves its snapshot with.",
                [nameof(SnapshotKey)]);
        }
    }
}
