namespace PressReleases.Core.Releases;

/// <summary>
/// An earlier version of a release: its content as stored before an ingest found the file saying something else
/// (<see cref="ReleaseContent"/> says which fields count), with when it was seen. The release's own row holds the
/// current version. Rows are only ever added (docs/revisions.md).
/// </summary>
public sealed class ReleaseVersion
{
    public int Id { get; set; }

    public int ReleaseId { get; set; }

    public required string Title { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>The ministers as this version's file spelled them (honorifics removed), in its order.</summary>
    public List<string> Ministers { get; set; } = [];

    /// <summary>The portfolios as this version's file spelled them, in its order.</summary>
    public List<string> Portfolios { get; set; } = [];

    /// <summary>The body as sanitized HTML, as it was rendered when this version was stored.</summary>
    public required string BodyHtml { get; set; }

    public required string BodyText { get; set; }

    /// <summary>When an ingest first stored this content.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>
    /// The end of the last completed ingest known to have found this content, before one found it changed (never
    /// before <see cref="FirstSeenAt"/>): the content was there at least until then.
    /// </summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
