namespace PressReleases.Core.Ingestion.Watching;

/// <summary>Why a watched folder is ingested now.</summary>
public enum IngestTrigger
{
    /// <summary>The first run, when the watch begins.</summary>
    Start,

    /// <summary>Release files changed and the folder has since been quiet (or changing for too long to wait more).</summary>
    Change,

    /// <summary>The rescan interval passed: a full look in case a change went unnoticed.</summary>
    Rescan,

    /// <summary>The last run failed because the store was away; this one tries again after a back-off.</summary>
    Retry,
}
