using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases:RequestQueue</c> configuration section (<see cref="RequestQueue"/>).</summary>
public sealed class RequestQueueOptions
{
    public const string SectionName = "PressReleases:RequestQueue";

    /// <summary>Requests processed at once; 0 (the default) means one more than the machine's processors.</summary>
    [Range(0, 10_000)]
    public int MaxConcurrent { get; set; }

    /// <summary>Requests that may wait for a turn; one more is answered 503 at once, with Retry-After.</summary>
    [Range(0, 1_000_000)]
    public int MaxQueued { get; set; } = 1_000;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Environment.ProcessorCount + 1;
}
