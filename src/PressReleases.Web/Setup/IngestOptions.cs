using System.ComponentModel.DataAnnotations;
using PressReleases.Core.Ingestion.Watching;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Ingest</c> configuration section: keeping the store current with the source folder.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "PressReleases:Ingest";

    /// <summary>
    /// The site keeps ingesting its source folder: at start (even when <c>PressReleases:IngestOnStartup</c> is false,
    /// since a watch begins by catching up), then again when files in the folder change, and at least every
    /// <see cref="RescanMinutes"/>. <c>ingest &lt;folder&gt; --watch</c> does the same for its folder whatever this says;
    /// the timings below serve both.
    /// </summary>
    public bool Watch { get; set; }

    /// <summary>The safety net of watching: a full look at the folder this often even when no change was noticed.</summary>
    [Range(1, 1440)]
    public int RescanMinutes { get; set; } = 10;

    /// <summary>How long the folder must be quiet after a change before the ingest starts, so a copy of many files is one run.</summary>
    [Range(50, 60_000)]
    public int DebounceMilliseconds { get; set; } = 1000;

    /// <summary>
    /// The watch's timing. A trickle of changes that never leaves the folder quiet is ingested after at most ten quiet
    /// periods; while the store is away, runs are retried after 1 s, 2 s, 4 s … at most a minute apart.
    /// </summary>
    public WatchSchedule Schedule() =>
        new(TimeSpan.FromMilliseconds(DebounceMilliseconds), TimeSpan.FromMinutes(RescanMinutes), RetryBackoff.Default);
}
