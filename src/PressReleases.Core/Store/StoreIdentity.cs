using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// Which store this is: a random value the store's migration writes once, when the store is created (or first
/// upgraded to a version that has it), and that never changes after. An index records the identity of the store it
/// was built from, so a node whose index, or another node's snapshot, comes from a different store (a data folder
/// pointed at another database, a peer of another site) rebuilds instead of serving releases its store does not have.
/// Copies of the store (a backup restored, a replica) keep the identity: they hold the same history, and the change
/// sequence tells an index from the future (docs/scaling.md, "A new node").
/// </summary>
public sealed class StoreIdentity
{
    /// <summary>The single row's key: always <see cref="RowId"/>.</summary>
    public int Id { get; set; }

    /// <summary>32 lower-case hexadecimal digits, from the database's own random source.</summary>
    public required string Value { get; set; }

    public const int RowId = 1;

    /// <summary>The store's identity; a store without one was not created by this application's migrations.</summary>
    public static async Task<string> ReadAsync(PressReleasesDbContext db, CancellationToken cancellationToken) =>
        await db.StoreIdentities.AsNoTracking().Where(s => s.Id == RowId).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken)
        ?? throw new StoreException("The store has no identity row (table StoreIdentity): it was not created by this application's migrations.");
}
