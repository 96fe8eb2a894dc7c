using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:Memory</c> configuration section: the heap the site keeps while it only serves (<see cref="Memory.HeapBudget"/>).</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "PressReleases:Memory";

    /// <summary>
    /// The most heap, in MB, the site may hold while no ingest, rebuild or catch-up is running; 0 leaves the heap
    /// unlimited. The limit actually set is at least twice what the site holds live once such work is over, so a
    /// larger corpus raises it instead of running out of memory. 200 MB kept the mixed load's RSS flat under 400 MB
    /// on the real corpus (docs/performance.md, "The floor of the mix").
    /// </summary>
    [Range(0, 1_048_576)]
    public int ServingHeapLimitMB { get; set; } = 200;

    /// <summary>How long after the last bulk work ends (and after start) the serving limit is set again.</summary>
    [Range(0, 3600)]
    public int IdleSecondsBeforeLimit { get; set; } = 10;
}
