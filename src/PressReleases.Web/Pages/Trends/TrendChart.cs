using System.Globalization;
using PressReleases.Core.Search;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Pages.Trends;

/// <summary>
/// One bar chart of a trend, drawn on the server: a bar per period on a shared axis from zero, grid lines at round
/// values, about a dozen period labels. The page draws one for the whole trend and, with a split, one per name on a
/// scale they share, so their bars compare; the table under them says everything they show.
/// </summary>
public sealed class TrendChart
{
    public const int Width = 800;
    public const int Left = 64;
    public const int Right = 8;
    public const int Top = 10;
    public const int AxisHeight = 24;
    private const int PlotWidth = Width - Left - Right;

    private readonly IReadOnlyList<TrendPeriod> periods;

    private TrendChart(string title, IReadOnlyList<TrendPeriod> periods, IReadOnlyList<double?> values, TrendMeasure measure, double top, int plotHeight)
    {
        Title = title;
        this.periods = periods;
        Values = values;
        Measure = measure;
        ScaleTop = top;
        PlotHeight = plotHeight;
    }

    /// <summary>What the chart shows, as its accessible name begins.</summary>
    public string Title { get; }

    /// <summary>Each period's value (a count, or a share as a fraction); null where a share has no releases to be a share of.</summary>
    public IReadOnlyList<double?> Values { get; }

    public TrendMeasure Measure { get; }

    /// <summary>The value at the top of the axis: a round number at or above the largest value.</summary>
    public double ScaleTop { get; }

    public int PlotHeight { get; }

    public int Height => Top + PlotHeight + AxisHeight;

    public double Baseline => Top + PlotHeight;

    /// <summary>The chart of the matching releases per period, on its own scale.</summary>
    public static TrendChart Of(Trend trend, TrendMeasure measure)
    {
        var values = trend.Periods.Select(p => measure == TrendMeasure.Share ? p.Share : p.Count).ToList();
        return new TrendChart("Matching releases", trend.Periods, values, measure, RoundTop(values, measure), 220);
    }

    /// <summary>One chart per split value, all on the scale of the largest of them.</summary>
    public static IReadOnlyList<TrendChart> Split(Trend trend, TrendMeasure measure)
    {
        if (trend.Split is not { } split)
        {
            return [];
        }

        var series = split.Values.Select((value, i) => (value.Name, Values: trend.Periods.Select(p => Measured(p, p.SplitCounts[i], measure)).ToList())).ToList();
        var top = RoundTop(series.SelectMany(s => s.Values).ToList(), measure);
        return series.Select(s => new TrendChart(s.Name, trend.Periods, s.Values, measure, top, 90)).ToList();
    }

    /// <summary>A count of a period as the measure shows it.</summary>
    public static double? Measured(TrendPeriod period, int count, TrendMeasure measure) => measure == TrendMeasure.Share ? period.ShareOf(count) : count;

    /// <summary>A value as the axis and the table write it: "1,234", or a share as "1.25%".</summary>
    public static string Text(double? value, TrendMeasure measure) => value switch
    {
        null => "—",
        { } v when measure == TrendMeasure.Share => (v * 100).ToString(v * 100 < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>Horizontal space for one period.</summary>
    public double Slot => (double)PlotWidth / Math.Max(1, periods.Count);

    public double BarX(int period) => Left + (period * Slot) + (Slot * 0.1);

    public double BarWidth => Math.Max(1, Slot * 0.8);

    public double Y(double value) => Baseline - (PlotHeight * value / ScaleTop);

    /// <summary>The values to draw grid lines and labels at: zero, then four or five round steps up to the top.</summary>
    public IEnumerable<double> Gridlines()
    {
        var step = Step(ScaleTop, Measure);
        var steps = (int)Math.Round(ScaleTop / step);
        for (var i = 0; i <= steps; i++)
        {
            yield return i * step;
        }
    }

    /// <summary>The periods to label (index and text): every one, or every 2nd, 5th… year, or every 2nd, 3rd, 6th… month, so about a dozen fit.</summary>
    public IEnumerable<(int Period, string Text)> Labels()
    {
        if (periods.Count == 0)
        {
            return [];
        }

        var monthly = periods[0].Month is not null;
        int[] steps = monthly ? [1, 2, 3, 6, 12] : [1, 2, 5, 10, 20];
        var every = steps.FirstOrDefault(s => periods.Count / s <= 12, steps[^1]);
        return periods
            .Select((p, i) => (Period: p, Index: i))
            .Where(p => (monthly ? p.Period.Month!.Value - 1 : p.Period.Year) % every == 0)
            .Select(p => (p.Index, monthly ? p.Period.Start.ToString(every >= 12 ? "yyyy" : "MMM yyyy", CultureInfo.InvariantCulture) : p.Period.Key));
    }

    /// <summary>Numbers for SVG attributes: invariant, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static double RoundTop(IReadOnlyList<double?> values, TrendMeasure measure)
    {
        var max = values.Max() ?? 0;
        if (max <= 0)
        {
            return measure == TrendMeasure.Share ? 0.01 : 1;
        }

        var step = Step(max, measure);
        return Math.Ceiling(max / step) * step;
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about four steps to <paramref name="max"/>; whole releases for counts.</summary>
    private static double Step(double max, TrendMeasure measure)
    {
        var rough = max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough);
        return measure == TrendMeasure.Count ? Math.Max(1, Math.Round(step)) : step;
    }
}
