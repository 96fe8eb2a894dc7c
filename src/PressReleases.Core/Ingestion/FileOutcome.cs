namespace PressReleases.Core.Ingestion;

/// <summary>What examining one file found; produced in parallel, consumed in file order by the writer.</summary>
internal abstract record FileOutcome(ReleaseFile File)
{
    /// <summary>Same bytes as the release already stored from this path.</summary>
    public sealed record Unchanged(ReleaseFile File, int ReleaseId) : FileOutcome(File);

    public sealed record Parsed(ReleaseFile File, string Hash, ParsedRelease Release) : FileOutcome(File);

    public sealed record Rejected(ReleaseFile File, string Message, int? Line) : FileOutcome(File);
}
