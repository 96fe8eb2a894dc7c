using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Ingest</c> configuration section: keeping the store current with the source folder.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "PressReleases:Ingest";

    /// <summary>
    /// Keep ingesting: after the first run, ingest again when files in the folder change, and at least every
    /// <see cref="RescanMinutes"/>. For the site (the source folder) and for <c>ingest &lt;folder&gt; --watch</c>.
    /// </summary>
    public bool Watch { get; set; }

    /// <summary>The safety net of watching: a full look at the folder this often even when no change was noticed.</summary>
    [Range(1, 1440)]
    public int RescanMinutes { get; set; } = 10;

    /// <summary>How long the folder must be quiet after a change before the ingest starts, so a copy of many files is one run.</summary>
    [Range(50, 60_000)]
    public int DebounceMilliseconds { get; set; } = 1000;
}
