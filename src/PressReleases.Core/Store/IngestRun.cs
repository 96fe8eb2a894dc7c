namespace PressReleases.Core.Store;

/// <summary>One ingest of a folder, as recorded in the store.</summary>
public sealed class IngestRun
{
    public int Id { get; set; }

    public required string Folder { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>running, completed or failed.</summary>
    public string Status { get; set; } = IngestRunStatus.Running;

    public string? FailureMessage { get; set; }

    public int FilesSeen { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public int Rejected { get; set; }

    public List<IngestProblem> Problems { get; set; } = [];
}

public static class IngestRunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>A rejected file (error) or a note about an accepted one (warning), e.g. discarded minister entries.</summary>
public sealed class IngestProblem
{
    public int Id { get; set; }

    public int IngestRunId { get; set; }

    /// <summary>error: the file was rejected; warning: the file was ingested with something left out.</summary>
    public required string Severity { get; set; }

    /// <summary>Path relative to the ingested folder.</summary>
    public required string File { get; set; }

    public int? Line { get; set; }

    public required string Message { get; set; }
}

public static class IngestProblemSeverity
{
    public const string Error = "error";
    public const string Warning = "warning";
}
