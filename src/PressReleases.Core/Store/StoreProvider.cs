namespace PressReleases.Core.Store;

/// <summary>The database the store lives in.</summary>
public enum StoreProvider
{
    /// <summary>A file in the data directory: one machine, nothing to run beside the site.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several web nodes and one ingester share.</summary>
    PostgreSql,
}
