namespace PressReleases.Core.Ingestion;

/// <summary>
/// A file's length and last-write time (UTC ticks). When both match what was recorded the last time the file was
/// read, the file is taken as unchanged without reading it: a re-ingest of an unchanged folder then only lists
/// it. Editing a file changes its write time; a copy that keeps the time and the length but changes the bytes
/// would go unnoticed, and touching the file makes the next ingest read it again (docs/data-decisions.md).
/// </summary>
internal readonly record struct FileFingerprint(long Length, long WriteTicks)
{
    /// <summary>
    /// How long ago a file must have been written for its fingerprint to be trusted. File times advance in
    /// steps of a few milliseconds, so a file written twice within one step, at the same length, would look
    /// untouched; a file that recent is recorded as unknown and read again next time (as Git does with racily
    /// clean files).
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>No fingerprint to trust: the file is read and hashed.</summary>
    public bool IsKnown => WriteTicks != 0;

    public static FileFingerprint Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc.Ticks);

    /// <summary>This fingerprint, or an unknown one (same length, no time) if the file was written too recently to vouch for.</summary>
    public FileFingerprint ToRecord(DateTimeOffset now) =>
        now.UtcTicks - WriteTicks > SettleTime.Ticks ? this : this with { WriteTicks = 0 };
}
