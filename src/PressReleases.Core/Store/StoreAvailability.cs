using Microsoft.EntityFrameworkCore;

namespace PressReleases.Core.Store;

/// <summary>
/// Whether the store answered lately, shared by everything in the process that reads it. When a read finds the
/// store away, readers serve what they hold (the catalog's last lists, the index) and ask the store again only
/// every <see cref="RetryInterval"/>, so a store that times out does not make every request wait for the timeout;
/// the node's follower asks it every poll and marks it back as soon as it answers.
/// </summary>
public sealed class StoreAvailability(TimeProvider time)
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly object gate = new();
    private DateTimeOffset? downSince;
    private DateTimeOffset lastAttempt;
    private string? lastError;

    public StoreAvailability()
        : this(TimeProvider.System)
    {
    }

    public bool IsDown
    {
        get
        {
            lock (gate)
            {
                return downSince is not null;
            }
        }
    }

    /// <summary>Since when the store has not answered, and the last failure's one-line message; null while it answers.</summary>
    public (DateTimeOffset Since, string Error)? Outage
    {
        get
        {
            lock (gate)
            {
                return downSince is { } since ? (since, lastError ?? "") : null;
            }
        }
    }

    /// <summary>True when a reader should ask the store: it is up, or it has not been asked for <see cref="RetryInterval"/>.</summary>
    public bool ShouldTry()
    {
        lock (gate)
        {
            if (downSince is null)
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (now - lastAttempt < RetryInterval)
            {
                return false;
            }

            lastAttempt = now;
            return true;
        }
    }

    /// <summary>Records that the store could not be reached; returns true when this starts an outage.</summary>
    public bool MarkDown(Exception exception)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            lastAttempt = now;
            lastError = StoreException.OneLine(exception);
            if (downSince is not null)
            {
                return false;
            }

            downSince = now;
            return true;
        }
    }

    /// <summary>Records that the store answered; returns true when this ends an outage.</summary>
    public bool MarkUp()
    {
        lock (gate)
        {
            var wasDown = downSince is not null;
            downSince = null;
            lastError = null;
            return wasDown;
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a context of its own. A store that cannot be reached is marked down here and
    /// reported as <see cref="StoreUnavailableException"/>, which pages answer with 503 or their last lists.
    /// </summary>
    public async Task<T> ReadAsync<T>(IDbContextFactory<PressReleasesDbContext> dbFactory, Func<PressReleasesDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            return await read(db);
        }
        catch (Exception ex) when (db.IsUnavailable(ex))
        {
            MarkDown(ex);
            throw new StoreUnavailableException(ex);
        }
    }
}
