using System.Text;
using PressReleases.Core.Search.Export;

namespace PressReleases.Web.Api;

/// <summary>RFC 4180 rows for /api/releases.csv.</summary>
internal static class CsvFormat
{
    public const string Header = "slug,title,date,url,permalink,ministers,portfolios,withdrawn";

    /// <summary>Between the names of a multi-valued cell; names never contain it.</summary>
    public const string NameSeparator = "; ";

    /// <summary>One release as one row (without the line break), names joined with <see cref="NameSeparator"/>.</summary>
    public static string Row(ExportedRelease release, string permalinkBase)
    {
        var row = new StringBuilder(256);
        Append(row, release.Slug).Append(',');
        Append(row, release.Title).Append(',');
        Append(row, release.Date is { } date ? Display.Format.IsoDate(date) : "").Append(',');
        Append(row, release.Url).Append(',');
        Append(row, permalinkBase + release.Permalink).Append(',');
        Append(row, string.Join(NameSeparator, release.Ministers.Select(m => m.Name))).Append(',');
        Append(row, string.Join(NameSeparator, release.Portfolios.Select(p => p.Name))).Append(',');
        row.Append(release.Withdrawn ? "true" : "false");
        return row.ToString();
    }

    /// <summary>
    /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled). A field that a
    /// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return; a title such as
    /// "=HYPERLINK(...)") gets a leading apostrophe first, so it is shown as text and never evaluated.
    /// </summary>
    public static StringBuilder Append(StringBuilder row, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return row.Append(value);
        }

        return row.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
