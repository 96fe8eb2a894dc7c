namespace PressReleases.Web.Setup;

/// <summary>What an ingest in this process writes: the store, and this process's index or not.</summary>
public sealed class IngestTarget
{
    /// <summary>The store and this process's index: the site (every node keeps its own index), and the command line on SQLite.</summary>
    public static readonly IngestTarget StoreAndIndex = new(updatesIndex: true);

    /// <summary>
    /// The store only: the command-line ingester of a PostgreSQL store, whose web nodes each index the store's
    /// changes as they follow it; an index of its own would be built for no reader.
    /// </summary>
    public static readonly IngestTarget StoreOnly = new(updatesIndex: false);

    private IngestTarget(bool updatesIndex) => UpdatesIndex = updatesIndex;

    public bool UpdatesIndex { get; }
}
