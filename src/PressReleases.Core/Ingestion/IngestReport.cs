using PressReleases.Core.Store;

namespace PressReleases.Core.Ingestion;

public sealed record IngestProblemReport(string Severity, string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Severity}: {File}:{line}: {Message}" : $"{Severity}: {File}: {Message}";
}

/// <summary>What one ingest did.</summary>
public sealed record IngestReport(
    int RunId,
    string Folder,
    int FilesSeen,
    int Added,
    int Updated,
    int Unchanged,
    int Removed,
    int Rejected,
    TimeSpan Elapsed,
    IReadOnlyList<IngestProblemReport> Problems)
{
    public IEnumerable<IngestProblemReport> Errors => Problems.Where(p => p.Severity == IngestProblemSeverity.Error);

    public IEnumerable<IngestProblemReport> Warnings => Problems.Where(p => p.Severity == IngestProblemSeverity.Warning);
}

public sealed record IngestProgress(int FilesDone, int FilesTotal);

public sealed class IngestFolderNotFoundException(string folder) : Exception($"Folder not found: {folder}")
{
    public string Folder { get; } = folder;
}
