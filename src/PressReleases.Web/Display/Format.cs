using System.Globalization;

namespace PressReleases.Web.Display;

/// <summary>
/// How dates and counts read on the site. Formatting is fixed to New Zealand English rather than the
/// server's culture, so "8 July 2014" and "1,234" look the same wherever the site runs.
/// </summary>
public static class Format
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"8 July 2014", or "Date unknown".</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Culture) : "Date unknown";

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>"1 release", "1,234 releases".</summary>
    public static string Count(int value, string singular, string plural) =>
        $"{Number(value)} {(value == 1 ? singular : plural)}";

    /// <summary>"2008–2016", "2014", or "—" when no dates are known.</summary>
    public static string YearSpan(DateOnly? first, DateOnly? last) => (first, last) switch
    {
        ({ } f, { } l) when f.Year == l.Year => f.Year.ToString(Culture),
        ({ } f, { } l) => $"{f.Year.ToString(Culture)}–{l.Year.ToString(Culture)}",
        ({ } f, null) => f.Year.ToString(Culture),
        (null, { } l) => l.Year.ToString(Culture),
        _ => "—",
    };

    /// <summary>An attachment's file name: the URL's last path segment, decoded ("Budget%202014.pdf" → "Budget 2014.pdf").</summary>
    public static string FileName(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var last = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (!string.IsNullOrEmpty(last))
            {
                return Uri.UnescapeDataString(last);
            }
        }

        return url;
    }
}
