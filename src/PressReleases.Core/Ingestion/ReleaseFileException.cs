namespace PressReleases.Core.Ingestion;

/// <summary>A file that cannot become a release; the message says why, the line says where when known.</summary>
public sealed class ReleaseFileException(string reason, int? line = null) : Exception(reason)
{
    public int? Line { get; } = line;
}
