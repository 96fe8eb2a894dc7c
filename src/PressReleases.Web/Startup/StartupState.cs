namespace PressReleases.Web.Startup;

public enum StartupStatus
{
    Starting,
    Ready,
    Failed,
}

/// <summary>
/// How far the site's startup has got. Kestrel answers before the store and index are open, so pages
/// await <see cref="WhenStoreReady"/> or <see cref="WhenIndexReady"/> instead of touching them early;
/// the health endpoint reads <see cref="Status"/> and never waits.
/// </summary>
public sealed class StartupState
{
    // RunContinuationsAsynchronously: requests waiting on readiness must not run on the startup thread.
    private readonly TaskCompletionSource storeReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource indexReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile StartupStatus status = StartupStatus.Starting;

    public StartupStatus Status => status;

    /// <summary>Why startup failed, when it did.</summary>
    public string? FailureMessage { get; private set; }

    /// <summary>Completes when the store's schema is up to date; faults when startup failed.</summary>
    public Task WhenStoreReady => storeReady.Task;

    /// <summary>Completes when the index has caught up with the store; faults when startup failed.</summary>
    public Task WhenIndexReady => indexReady.Task;

    public bool IsIndexReady => indexReady.Task.IsCompletedSuccessfully;

    public void MarkStoreReady() => storeReady.TrySetResult();

    public void MarkReady()
    {
        storeReady.TrySetResult();
        indexReady.TrySetResult();
        status = StartupStatus.Ready;
    }

    public void MarkFailed(string message)
    {
        FailureMessage = message;
        status = StartupStatus.Failed;
        var failure = new StartupFailedException(message);
        storeReady.TrySetException(failure);
        indexReady.TrySetException(failure);

        // Nobody may be waiting; observing the faults keeps them out of the unobserved-exception event.
        _ = storeReady.Task.Exception;
        _ = indexReady.Task.Exception;
    }
}

public sealed class StartupFailedException(string message) : Exception(message);
