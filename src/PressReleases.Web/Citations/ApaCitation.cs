using System.Globalization;

namespace PressReleases.Web.Citations;

/// <summary>
/// A press release in APA 7th edition style, in parts so the page can set the title in italics:
/// <c>Ardern, J., &amp; Robertson, G. (2020, March 23). Title [Press release]. New Zealand Government. URL (retrieved … from PressReleases: permalink)</c>.
/// </summary>
public sealed record ApaCitation(string Authors, string Date, string Title, string Publisher, string SourceUrl, string Retrieved, string PermalinkUrl)
{
    // APA 7 lists up to 20 authors; beyond that the first 19, an ellipsis and the last.
    private const int MaxListedAuthors = 20;

    public static ApaCitation From(CitationSource source)
    {
        var authors = source.Authors.Count == 0 ? CitationSource.Government : JoinAuthors(source.Authors.Select(a => a.FamilyCommaInitials).ToList());
        var date = source.Date is { } d ? d.ToString("yyyy, MMMM d", CultureInfo.InvariantCulture) : "n.d.";

        // When the government is already the author, APA leaves the publisher out rather than repeat it.
        var publisher = source.Authors.Count == 0 ? "" : CitationSource.Government;
        var retrieved = $"retrieved {source.RetrievedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} from {CitationSource.SiteName}:";
        return new ApaCitation(authors, date, source.Title, publisher, source.SourceUrl, retrieved, source.CitedUrl);
    }

    /// <summary>The author list with its closing full stop, unless the last initial already supplies one.</summary>
    public string AuthorsPart => Authors.EndsWith('.') ? Authors : Authors + ".";

    public string DatePart => $"({Date}).";

    /// <summary>What follows the italic title: the description in brackets and the publisher.</summary>
    public string AfterTitle => Publisher.Length == 0 ? " [Press release]." : $" [Press release]. {Publisher}.";

    /// <summary>Where and when the reader found it: "(retrieved 28 November 2026 from PressReleases: permalink)".</summary>
    public string RetrievedPart => $"({Retrieved} {PermalinkUrl})";

    public override string ToString() => $"{AuthorsPart} {DatePart} {Title}{AfterTitle} {SourceUrl} {RetrievedPart}";

    private static string JoinAuthors(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]}, & {names[1]}",
        <= MaxListedAuthors => $"{string.Join(", ", names.Take(names.Count - 1))}, & {names[^1]}",
        _ => $"{string.Join(", ", names.Take(MaxListedAuthors - 1))}, . . . {names[^1]}",
    };
}
