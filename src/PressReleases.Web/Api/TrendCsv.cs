using System.Globalization;
using System.Text;
using PressReleases.Core.Search;

namespace PressReleases.Web.Api;

/// <summary>
/// A trend as RFC 4180 CSV: <c>period,count,share</c>, then with a split one column per value
/// (<c>minister:john-key</c>) and <c>other</c>. Every cell is a period, a number or a slug, so none needs quoting.
/// </summary>
public static class TrendCsv
{
    public const string Header = "period,count,share";

    /// <summary>The column after the split's values: releases naming none of them.</summary>
    public const string OtherColumn = "other";

    public static string Write(Trend trend)
    {
        var csv = new StringBuilder(Header);
        if (trend.Split is { } split)
        {
            foreach (var value in split.Values)
            {
                csv.Append(',').Append(split.Kind.Singular).Append(':').Append(value.Slug);
            }

            csv.Append(',').Append(OtherColumn);
        }

        csv.Append("\r\n");
        foreach (var period in trend.Periods)
        {
            csv.Append(period.Key).Append(',').Append(Number(period.Count)).Append(',').Append(Share(period.Share));
            if (trend.Split is not null)
            {
                foreach (var count in period.SplitCounts)
                {
                    csv.Append(',').Append(Number(count));
                }

                csv.Append(',').Append(Number(period.Other));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// A share as the CSV and JSON give it: a fraction rounded to six decimal places (0.012346), empty in the CSV
    /// (null in JSON) for a period with no release at all.
    /// </summary>
    public static double? Rounded(double? share) => share is { } s ? Math.Round(s, 6) : null;

    private static string Share(double? share) => Rounded(share) is { } s ? s.ToString("0.######", CultureInfo.InvariantCulture) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
