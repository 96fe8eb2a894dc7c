namespace PressReleases.Core.Store;

/// <summary>The store could not be reached for a read; what the caller holds (an index, a cached list) may serve instead.</summary>
public sealed class StoreUnavailableException(Exception inner)
    : Exception($"The store cannot be reached: {StoreException.OneLine(inner)}", inner);
