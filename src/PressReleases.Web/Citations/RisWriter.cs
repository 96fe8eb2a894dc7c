using System.Globalization;
using System.Text;

namespace PressReleases.Web.Citations;

/// <summary>
/// One release as an RIS record (EndNote, Zotero, Mendeley): <c>TAG  - value</c> lines ending in CRLF, as the
/// format specifies, from <c>TY  - PRESS</c> to <c>ER  - </c>. Text is UTF-8 and carried as it is.
/// </summary>
public static class RisWriter
{
    private const string NewLine = "\r\n";

    public static string Write(CitationSource source)
    {
        var ris = new StringBuilder();
        Line(ris, "TY", "PRESS");
        if (source.Authors.Count == 0)
        {
            // No comma: readers take it as one institutional name rather than "Government, New Zealand".
            Line(ris, "AU", CitationSource.Government);
        }

        foreach (var author in source.Authors)
        {
            Line(ris, "AU", author.FamilyCommaGiven);
        }

        Line(ris, "TI", source.Title);
        if (source.Date is { } date)
        {
            Line(ris, "PY", date.Year.ToString(CultureInfo.InvariantCulture));
            Line(ris, "DA", Slashed(date));
        }

        Line(ris, "PB", CitationSource.Government);
        Line(ris, "UR", source.SourceUrl);
        Line(ris, "Y2", Slashed(source.RetrievedOn));
        Line(ris, "N1", $"Retrieved from {CitationSource.SiteName}: {source.CitedUrl}");
        Line(ris, "ER", "");
        return ris.ToString();
    }

    /// <summary>RIS dates: <c>YYYY/MM/DD/</c> (the trailing part is for other date information, empty here).</summary>
    private static string Slashed(DateOnly date) => date.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    // A line break inside a value would start a new, meaningless tag line.
    private static void Line(StringBuilder ris, string tag, string value) =>
        ris.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append(NewLine);
}
