using System.ComponentModel.DataAnnotations;
using PressReleases.Core.Store;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Store</c> configuration section: which database is the store, and how this node follows it.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string SectionName = "PressReleases:Store";

    /// <summary><c>Sqlite</c> (the default: a file in the data directory) or <c>PostgreSql</c> (a server several nodes share).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords); unused, and refused, with SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often the node asks the store for changes it has not indexed. With PostgreSQL a notification wakes it
    /// at once; the poll is the fallback when a notification is lost, and how a SQLite site sees another process's ingest.
    /// </summary>
    [Range(0.1, 60)]
    public double PollSeconds { get; set; } = 1;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    /// <summary>
    /// Listen for the ingester's change notifications (PostgreSQL LISTEN/NOTIFY). Turn off where a connection pooler
    /// in transaction mode (PgBouncer) stands between the nodes and the server, since LISTEN needs a session of its
    /// own: the nodes then find changes by polling alone, within <see cref="PollSeconds"/>.
    /// </summary>
    public bool ListenForChanges { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "PressReleases:Store:Provider is PostgreSql but PressReleases:Store:ConnectionString is empty (for example \"Host=db;Database=pressreleases;Username=pressreleases;Password=...\").",
                [nameof(ConnectionString)]);
        }

        if (Provider == StoreProvider.Sqlite && !string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "PressReleases:Store:ConnectionString is for PostgreSql; the SQLite store is always pressreleases.db in PressReleases:DataDirectory. Remove it, or set PressReleases:Store:Provider to PostgreSql.",
                [nameof(ConnectionString)]);
        }
    }
}
