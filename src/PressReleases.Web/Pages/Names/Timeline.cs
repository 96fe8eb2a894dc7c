using System.Globalization;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Web.Pages.Names;

/// <summary>
/// Who held what, when, drawn on the server: a row per minister (on a portfolio's page) or portfolio (on a minister's),
/// a bar from their first release under it to their last, on a shared axis of years. Undated rows have no bar; the
/// table beside the chart says everything it shows, as its text alternative.
/// </summary>
public sealed class Timeline
{
    public const int Width = 800;
    public const int LabelWidth = 240;
    public const int RowHeight = 24;
    public const int AxisHeight = 28;
    private const int BarsWidth = Width - LabelWidth - 16;

    private Timeline(NameKind kind, IReadOnlyList<NameSummary> rows, int firstYear, int lastYear)
    {
        Kind = kind;
        Rows = rows;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The kind of name each row is (ministers on a portfolio's page).</summary>
    public NameKind Kind { get; }

    public IReadOnlyList<NameSummary> Rows { get; }

    public int FirstYear { get; }

    /// <summary>The axis runs to the end of this year.</summary>
    public int LastYear { get; }

    public int Height => AxisHeight + (Rows.Count * RowHeight) + 4;

    /// <summary>Null when no release of the name names any of the other kind.</summary>
    public static Timeline? For(NameKind pageKind, IReadOnlyList<NameSummary> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var dated = rows.Where(r => r.FirstDate is not null).ToList();
        var first = dated.Count > 0 ? dated.Min(r => r.FirstDate!.Value.Year) : DateTime.UtcNow.Year;
        var last = dated.Count > 0 ? dated.Max(r => r.LastDate!.Value.Year) : first;
        return new Timeline(pageKind.Other, rows, first, last);
    }

    /// <summary>Horizontal position of a date on the axis.</summary>
    public double X(DateOnly date)
    {
        var start = new DateOnly(FirstYear, 1, 1).DayNumber;
        var end = new DateOnly(LastYear + 1, 1, 1).DayNumber;
        return LabelWidth + (BarsWidth * (double)(date.DayNumber - start) / (end - start));
    }

    /// <summary>A bar's width; a single day still shows as a sliver.</summary>
    public double BarWidth(NameSummary row) => Math.Max(3, X(row.LastDate!.Value.AddDays(1)) - X(row.FirstDate!.Value));

    public double RowY(int index) => AxisHeight + (index * RowHeight);

    /// <summary>Years to label on the axis: about eight, on round steps.</summary>
    public IEnumerable<int> Ticks()
    {
        var span = LastYear - FirstYear + 1;
        var step = span <= 8 ? 1 : span <= 16 ? 2 : span <= 40 ? 5 : 10;
        var start = FirstYear % step == 0 ? FirstYear : FirstYear + (step - (FirstYear % step));
        for (var year = start; year <= LastYear; year += step)
        {
            yield return year;
        }
    }

    /// <summary>Numbers for SVG attributes: invariant, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
