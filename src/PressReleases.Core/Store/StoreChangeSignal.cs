namespace PressReleases.Core.Store;

/// <summary>
/// Wakes a node when the store says it changed, so it need not wait for its next poll. Only a hint: a signal
/// may come with no change visible yet, and a change may come with no signal (a lost connection), so whoever
/// waits also polls.
/// </summary>
public interface IStoreChangeSignal : IAsyncDisposable
{
    /// <summary>Waits until the store signals a change (true) or <paramref name="timeout"/> passes (false).</summary>
    Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>A store that cannot signal (SQLite): every wait is the whole poll interval.</summary>
public sealed class NoStoreChangeSignal : IStoreChangeSignal
{
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(timeout, cancellationToken);
        return false;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
