using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PressReleases.Core.Store;

/// <summary>
/// Store contexts are pooled (EF Core's <c>PooledDbContextFactory</c>): a page reads the store through a context or
/// two, and building each from nothing (its services, its change tracker) was a measurable share of a release page's
/// CPU. A context back in the pool is reset; its connection is closed as before, so nothing of one use reaches the next.
/// </summary>
public static class StoreContextPool
{
    /// <summary>Contexts kept for reuse; more may exist at once, the extra ones are simply not kept.</summary>
    public const int Size = 64;

    /// <summary>
    /// Both providers' contexts leave out EF Core's check, as it migrates a store, that the model matches the last
    /// migration's snapshot: it builds and compares the whole design-time model, about a fifth of the command line's
    /// start on a new store (a cold ingest pays it), and can only find a mistake made while developing, which
    /// <c>ModelAndMigrationsTests</c> find for both providers before anything is released.
    /// </summary>
    public static void SkipPendingModelCheck(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
