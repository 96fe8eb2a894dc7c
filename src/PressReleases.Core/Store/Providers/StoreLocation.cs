using PressReleases.Core.Store.PostgreSql;
using PressReleases.Core.Store.Sqlite;

namespace PressReleases.Core.Store.Providers;

/// <summary>
/// Which database holds the store and how to reach it. A class, not a record, so that no generated
/// <c>ToString</c> ever writes the connection string (and a password in it) to a log: messages use
/// <see cref="Description"/>.
/// </summary>
public sealed class StoreLocation
{
    private StoreLocation(StoreProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file, or the server and database, for messages; never a password.</summary>
    public string Description { get; }

    /// <summary>The SQLite file in the data directory.</summary>
    public static StoreLocation Sqlite(DataDirectory data) =>
        new(StoreProvider.Sqlite, SqliteStore.ConnectionString(data), $"the SQLite store '{data.DatabasePath}'");

    /// <summary>A PostgreSQL database; a malformed connection string fails here with a <see cref="StoreException"/>.</summary>
    public static StoreLocation PostgreSql(string connectionString)
    {
        var (normalized, description) = PostgreSqlStore.ParseConnectionString(connectionString);
        return new(StoreProvider.PostgreSql, normalized, description);
    }

    public override string ToString() => Description;
}
