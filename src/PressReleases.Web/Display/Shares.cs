using System.Globalization;

namespace PressReleases.Web.Display;

/// <summary>How a share of a text reads: a whole percentage.</summary>
public static class Shares
{
    /// <summary>"87%"; a share just short of all of it stays below 100%, so "100%" always means every shingle.</summary>
    public static string Percent(double share)
    {
        // The small allowance keeps 29/100 at 29%: 0.29 × 100 is 28.999… in binary floating point.
        var percent = Math.Floor((share * 100) + 1e-9);
        return percent.ToString("0", CultureInfo.InvariantCulture) + "%";
    }
}
