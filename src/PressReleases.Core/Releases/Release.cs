namespace PressReleases.Core.Releases;

/// <summary>
/// One press release as stored. The store is the source of truth; the search index is derived from it.
/// </summary>
public sealed class Release
{
    public int Id { get; set; }

    /// <summary>Permalink slug, unique and never reassigned (a removed release keeps it so it can answer 410).</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>Publication date; null when the export carries the placeholder 0001-01-01 (date unknown).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The original address on beehive.govt.nz.</summary>
    public required string SourceUrl { get; set; }

    /// <summary>Full path of the folder the file was ingested from, so removals are judged per folder.</summary>
    public required string SourceRoot { get; set; }

    /// <summary>Path of the file relative to <see cref="SourceRoot"/>, with '/' separators.</summary>
    public required string SourcePath { get; set; }

    /// <summary>
    /// SHA-256 of the file's bytes, lower-case hex; an unchanged file is skipped without parsing. "" when forgotten on
    /// purpose, so that the next ingest parses the file again (a migration does it when the parser learns to read more).
    /// </summary>
    public required string ContentHash { get; set; }

    /// <summary>
    /// The file's length in bytes when it was last read. With <see cref="SourceWriteTicks"/>, it lets a re-ingest
    /// skip reading a file that has not been written since (0 until first recorded: the file is then read).
    /// </summary>
    public long SourceLength { get; set; }

    /// <summary>The file's last-write time (UTC ticks) when it was last read; see <see cref="SourceLength"/>.</summary>
    public long SourceWriteTicks { get; set; }

    /// <summary>Sanitized HTML rendered once at ingestion; the only release text ever written unescaped.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>Plain text of the body, for indexing and snippets.</summary>
    public required string BodyText { get; set; }

    /// <summary>Attachment links from the front matter, in file order.</summary>
    public List<string> Attachments { get; set; } = [];

    /// <summary>
    /// The name each of <see cref="Attachments"/> was given in the front matter, by position; "" where none. A parallel
    /// list rather than a list of records so that <see cref="Attachments"/> keeps its column and its meaning
    /// (docs/data-decisions.md); read the two together with <see cref="AttachmentLink.Zip"/>.
    /// </summary>
    public List<string> AttachmentNames { get; set; } = [];

    /// <summary>Entries of the <c>ministers</c> list that are not people (export link text, URLs).</summary>
    public List<string> DiscardedMinisterEntries { get; set; } = [];

    /// <summary>Increases on every change (add, update, removal) so the index can catch up from the store.</summary>
    public long ChangeSeq { get; set; }

    public DateTimeOffset FirstIngestedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When an ingest first stored the content the release holds now, once it has been edited (an earlier version is
    /// then a <see cref="ReleaseVersion"/>); null while it holds what was first ingested, seen since <see cref="FirstIngestedAt"/>.
    /// </summary>
    public DateTimeOffset? RevisedAt { get; set; }

    /// <summary>Set when the release's file left its folder: the permalink answers 410 Gone.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    public List<ReleaseMinister> Ministers { get; set; } = [];

    public List<ReleasePortfolio> Portfolios { get; set; } = [];
}
