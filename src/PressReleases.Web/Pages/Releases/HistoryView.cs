using System.Globalization;
using PressReleases.Core.Store;
using PressReleases.Web.Display;

namespace PressReleases.Web.Pages.Releases;

/// <summary>What changed from one version to the next: each field null when it did not change.</summary>
public sealed record VersionChanges(
    IReadOnlyList<DiffSpan>? Title,
    IReadOnlyList<DiffSpan>? Date,
    IReadOnlyList<DiffSpan>? Ministers,
    IReadOnlyList<DiffSpan>? Portfolios,
    IReadOnlyList<DiffParagraph>? Body)
{
    public static VersionChanges Between(HistoryVersion older, HistoryVersion newer)
    {
        var (before, after) = (older.Content, newer.Content);
        var date = before.Date == after.Date ? null : new[] { new DiffSpan(DiffKind.Deleted, Format.Date(before.Date)), new DiffSpan(DiffKind.Inserted, Format.Date(after.Date)) };
        return new VersionChanges(
            Changed(WordDiff.Words(before.Title, after.Title)),
            date,
            Changed(WordDiff.Items(before.Ministers, after.Ministers)),
            Changed(WordDiff.Items(before.Portfolios, after.Portfolios)),
            WordDiff.Body(before.BodyText, after.BodyText) is var body && body.Any(p => p.Spans.Any(s => s.Kind != DiffKind.Same)) ? body : null);
    }

    private static IReadOnlyList<DiffSpan>? Changed(IReadOnlyList<DiffSpan> spans) => spans.Any(s => s.Kind != DiffKind.Same) ? spans : null;
}

/// <summary>One version on the history page, with what changed from the version before it (null for the first).</summary>
public sealed record VersionView(HistoryVersion Version, VersionChanges? Changes)
{
    public int Number => Version.Number;

    /// <summary>The page's versions, newest first: the current one on top, each with its changes from the one before.</summary>
    public static IReadOnlyList<VersionView> NewestFirst(ReleaseHistory history) =>
        [.. history.Versions.Select((v, i) => new VersionView(v, i == 0 ? null : VersionChanges.Between(history.Versions[i - 1], v))).Reverse()];

    /// <summary>"5 March 2026, 14:03 UTC": an ingest's time, to the minute.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public static string IsoWhen(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
