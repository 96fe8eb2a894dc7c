namespace PressReleases.Core.Ingestion;

/// <summary>The identity columns of a stored release, loaded once per ingest to match files to releases.</summary>
internal sealed record KnownRelease(int Id, string Slug, string SourceRoot, string SourcePath, string SourceUrl, DateOnly? Date, string ContentHash, FileFingerprint Fingerprint, bool IsRemoved);
